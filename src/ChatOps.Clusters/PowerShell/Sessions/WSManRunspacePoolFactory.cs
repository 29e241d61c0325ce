using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>
/// A runspace pool over WinRM to the computer's JEA endpoint (<c>ConfigurationName</c>), with
/// Kerberos by default and the bot's own identity unless a credential is configured.
/// </summary>
internal sealed class WSManRunspacePoolFactory(PowerShellOptions options) : IRunspacePoolFactory
{
    /// <summary>The shell URI prefix WinRM gives PowerShell session configurations.</summary>
    public const string ShellUriPrefix = "http://schemas.microsoft.com/powershell/";

    public RunspacePool Create(string computer, int maxRunspaces)
    {
        var info = ConnectionInfo(computer);
        var pool = RunspaceFactory.CreateRunspacePool(1, maxRunspaces, info);
        pool.CleanupInterval = options.IdleTimeout;
        return pool;
    }

    private int TransportLimit => (int)Math.Min(int.MaxValue, 8L * options.MaxOutputBytes + (1 << 20));

    internal WSManConnectionInfo ConnectionInfo(string computer)
    {
        var port = options.Port > 0 ? options.Port : options.UseSsl ? 5986 : 5985;
        var info = new WSManConnectionInfo(options.UseSsl, computer, port, "/wsman", ShellUriPrefix + options.ConfigurationName, Credential())
        {
            AuthenticationMechanism = options.Authentication,
            OpenTimeout = (int)options.OpenTimeout.TotalMilliseconds,
            // The transport counts serialised bytes (CLIXML, UTF-16 and escaped: several per character);
            // the call's own limit (MaxOutputBytes characters) must be the one that stops it.
            MaximumReceivedObjectSize = TransportLimit,
            MaximumReceivedDataSizePerCommand = TransportLimit,
        };
        return info;
    }

    private PSCredential? Credential() =>
        options.UserName is { Length: > 0 } user
            ? new PSCredential(user, new NetworkCredential(string.Empty, options.Password ?? string.Empty).SecurePassword)
            : null;
}
