using System.Management.Automation.Runspaces;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>
/// Makes the (not yet opened) runspace pool that reaches one computer. Production: WSMan to the
/// computer's JEA endpoint (<see cref="WSManRunspacePoolFactory"/>); tests: an in-process session
/// built from the same session configuration file the endpoint is registered with.
/// </summary>
internal interface IRunspacePoolFactory
{
    RunspacePool Create(string computer, int maxRunspaces);
}
