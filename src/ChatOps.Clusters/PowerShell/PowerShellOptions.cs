using System.Management.Automation.Runspaces;

namespace ChatOps.Clusters.PowerShell;

/// <summary>How the PowerShell backend reaches the cluster. Section <c>ChatOps:PowerShell</c>.</summary>
public sealed class PowerShellOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:PowerShell";

    /// <summary>
    /// The JEA session configuration registered on every node (see <c>deploy/jea</c>). Required: the bot
    /// never runs its probes outside a node's endpoint. Default: <c>ChatOps</c>.
    /// </summary>
    public string ConfigurationName { get; set; } = "ChatOps";

    /// <summary>The cluster name (its network name): asked first for the cluster view, then the nodes. Required.</summary>
    public string ClusterName { get; set; } = string.Empty;

    /// <summary>
    /// The nodes and their sites. The cluster view is read from any of them that answers (and from the
    /// cluster name); nodes the cluster lists but this does not get site <c>Default</c>. Default: none.
    /// </summary>
    public IList<PowerShellNodeOptions> Nodes { get; } = [];

    /// <summary>How WinRM authenticates the bot: <c>Kerberos</c>, <c>Negotiate</c>, <c>NegotiateWithImplicitCredential</c>, ... Default: <c>Kerberos</c>.</summary>
    public AuthenticationMechanism Authentication { get; set; } = AuthenticationMechanism.Kerberos;

    /// <summary>WinRM over HTTPS (port 5986) instead of HTTP (5985, Kerberos-encrypted). Default: false.</summary>
    public bool UseSsl { get; set; }

    /// <summary>WinRM port; 0 takes 5985 or, with <see cref="UseSsl"/>, 5986. Default: 0.</summary>
    public int Port { get; set; }

    /// <summary>An account to connect as (DOMAIN\user); empty connects as the service's own identity (gMSA). Default: empty.</summary>
    public string? UserName { get; set; }

    /// <summary>That account's password, from a secret store or the environment, never the repository. Default: empty.</summary>
    public string? Password { get; set; }

    /// <summary>Calls that may run on one node at once (the runspaces of its pool). Default: 4.</summary>
    public int MaxCallsPerNode { get; set; } = 4;

    /// <summary>Calls that may run at once over all nodes. Default: 32.</summary>
    public int MaxConcurrentCalls { get; set; } = 32;

    /// <summary>How long connecting to a node may take. Default: 15 s.</summary>
    public TimeSpan OpenTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an unused runspace of a node's pool stays open. Default: 5 min.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest output (characters) one call may return before it is stopped. Default: 4 Mi.</summary>
    public int MaxOutputBytes { get; set; } = 4 * 1024 * 1024;
}
