using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;
using System.Reflection;

using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// deploy/jea/Test-ChatOpsJea.ps1 tells the endpoint refusing a malformed argument apart from any other error.
/// The errors are real: raised by the endpoint built from ChatOps.pssc, carried the way remoting carries them
/// (serialised, then rebuilt by PowerShell's own ErrorRecord.FromPSObjectForRemoting into a RemoteException),
/// and caught as the script catches them, from a .NET method call that wraps them in a MethodInvocationException.
/// </summary>
public sealed class TestJeaScriptTests
{
    private static readonly DeployScript Script = DeployScript.Load("jea", "Test-ChatOpsJea.ps1");

    [Theory]
    [InlineData("Stop-ChatOpsVmWorker", "VmId", "not-a-guid")]
    [InlineData("Remove-ChatOpsStaleLink", "VmId", "*")]
    [InlineData("Stop-ChatOpsClusterService", "NodeName", "HV01;x")]
    public void Refusal_ParameterValidationOverRemoting_CountsAsRefused(string command, string parameter, string value)
    {
        var error = EndpointError(command, parameter == "NodeName" ? [(parameter, value)] : [("NodeName", "HV01"), (parameter, value)]);

        Assert.Equal("ParameterBindingValidationException", error.GetType().Name);
        Assert.True(IsRefusal(OverRemoting(error)));
        Assert.True(IsRefusal(error));
    }

    [Fact]
    public void Refusal_CommandNotOnTheEndpoint_IsAFailure()
    {
        var error = EndpointError("Get-ChildItem");

        Assert.IsType<CommandNotFoundException>(error);
        Assert.False(IsRefusal(OverRemoting(error)));
        Assert.False(IsRefusal(error));
    }

    [Fact]
    public void Refusal_MandatoryParameterMissing_IsAFailure()
    {
        // A check that forgot a parameter proves nothing about validation.
        var error = EndpointError("Stop-ChatOpsVmWorker", ("NodeName", "HV01"));

        Assert.False(IsRefusal(OverRemoting(error)));
    }

    [Fact]
    public void Refusal_ParameterGivenTwice_IsAFailure()
    {
        var error = EndpointError("Stop-ChatOpsClusterService", ("NodeName", "HV01"), ("NodeName", "HV01;x"));

        Assert.False(IsRefusal(OverRemoting(error)));
    }

    [Fact]
    public void Refusal_AccessDenied_IsAFailure()
    {
        var denied = new UnauthorizedAccessException("Access is denied.");

        Assert.False(IsRefusal(denied));
        Assert.False(IsRefusal(OverRemoting(denied)));
        Assert.False(IsRefusal(new PSRemotingTransportException("Connecting to remote server HV01 failed: Access is denied.")));
    }

    [Fact]
    public void Refusal_BrokenSession_IsAFailure()
    {
        Assert.False(IsRefusal(new InvalidRunspaceStateException("The state of the current runspace is not valid for this operation.")));
    }

    [Fact]
    public void RefusalStep_AsksTheClassifier_NotTheMessage()
    {
        var step = Script.Ast.Extent.Text[Script.Ast.Extent.Text.IndexOf("Safe actions refuse", StringComparison.Ordinal)..];

        Assert.Contains("Test-ValidationRefusal $_", step, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception.Message -match", step, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_RunsAsAnyAccount_AgainstAnyNode()
    {
        // The bot's gMSA is no administrator: the session checks must run without elevation, from the bot host.
        Assert.False(Script.Ast.ScriptRequirements?.IsElevationRequired ?? false);
        Assert.Equal("$env:COMPUTERNAME", Script.Parameter("ComputerName").DefaultValue?.Extent.Text);
    }

    private static bool IsRefusal(Exception thrown)
    {
        // As the script: try { $shell.Invoke() } catch { Test-ValidationRefusal $_ }
        using var runspace = Script.OpenWithFunctions("Test-ValidationRefusal");
        using var shell = System.Management.Automation.PowerShell.Create(runspace)
            .AddScript("param($Throw) try { [void]$Throw.Invoke() } catch { Test-ValidationRefusal $_ }")
            .AddArgument(new Func<object>(() => throw thrown));

        return (bool)Assert.Single(shell.Invoke()).BaseObject;
    }

    private static RuntimeException EndpointError(string command, params (string Name, string Value)[] parameters)
    {
        var state = JeaRunspacePoolFactory.EndpointState();
        state.TranscriptDirectory = null;
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create(runspace).AddCommand(command);
        foreach (var (name, value) in parameters)
        {
            shell.AddParameter(name, value);
        }

        return Assert.ThrowsAny<RuntimeException>(() => shell.Invoke());
    }

    private static RemoteException OverRemoting(Exception failure)
    {
        // The node sends a failed pipeline's reason as an error record (EncodeAndDecode.cs, GetExceptionProperty:
        // the exception's own record with the exception put back, or a new one); the client rebuilds it into a
        // RemoteException (GetExceptionFromSerializedErrorRecord), which Invoke() throws.
        var sent = failure is IContainsErrorRecord contains
            ? new ErrorRecord(contains.ErrorRecord, failure)
            : new ErrorRecord(failure, "UnauthorizedAccess", ErrorCategory.PermissionDenied, null);
        var serialized = PSSerializer.Deserialize(PSSerializer.Serialize(sent));
        var rebuild = typeof(ErrorRecord).GetMethod("FromPSObjectForRemoting", BindingFlags.NonPublic | BindingFlags.Static)!;
        var rebuilt = (ErrorRecord)rebuild.Invoke(null, [PSObject.AsPSObject(serialized)])!;
        return Assert.IsType<RemoteException>(rebuilt.Exception);
    }
}
