using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>A node's failures as <see cref="PowerShellException"/> kinds.</summary>
internal sealed partial class NodeSession
{
    private static bool IsTransportFailure(Exception ex) =>
        ex is PSRemotingTransportException or PSRemotingDataStructureException or InvalidRunspacePoolStateException or InvalidRunspaceStateException;

    /// <summary>
    /// Errors by what they are, read from the error record so that a node's error (a RemoteException
    /// carrying the node's record over WinRM) and an in-process one classify alike.
    /// </summary>
    private PowerShellException Translate(Exception ex, string command)
    {
        var errorId = (ex as IContainsErrorRecord)?.ErrorRecord?.FullyQualifiedErrorId ?? string.Empty;
        return ex switch
        {
            PSRemotingTransportException transport when transport.ErrorCode == 5 || transport.Message.Contains("Access is denied", StringComparison.OrdinalIgnoreCase) =>
                new PowerShellException(PowerShellErrorKind.AccessDenied,
                    $"{computer} refused the bot's account at its '{options.ConfigurationName}' endpoint (is the account in the endpoint's role group?): {PowerShellErrors.Excerpt(transport.Message)}", ex),
            _ when IsTransportFailure(ex) =>
                new PowerShellException(PowerShellErrorKind.Unreachable, $"{computer} could not be reached over WinRM: {PowerShellErrors.Excerpt(ex.Message)}", ex),
            _ when ex is CommandNotFoundException || errorId.StartsWith("CommandNotFoundException", StringComparison.Ordinal) =>
                new PowerShellException(PowerShellErrorKind.NotFound,
                    $"{computer}'s '{options.ConfigurationName}' endpoint has no {command}; install the current ChatOpsJea module there (deploy/jea).", ex),
            _ when ex is ParameterBindingException || IsBindingError(errorId) =>
                new PowerShellException(PowerShellErrorKind.InvalidArgument, $"{computer} refused the parameters of {command}: {PowerShellErrors.Excerpt(ex.Message)}", ex),
            RuntimeException => PowerShellErrors.FromMessage(computer, command, ex.Message),
            _ => new PowerShellException(PowerShellErrorKind.Unreachable, $"{computer}: {PowerShellErrors.Excerpt(ex.Message)}", ex),
        };
    }

    private static bool IsBindingError(string errorId) =>
        errorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal) ||
        errorId.StartsWith("ParameterArgumentTransformationError", StringComparison.Ordinal) ||
        errorId.StartsWith("NamedParameterNotFound", StringComparison.Ordinal) ||
        errorId.StartsWith("MissingMandatoryParameter", StringComparison.Ordinal) ||
        errorId.StartsWith("ParameterBindingFailed", StringComparison.Ordinal);
}
