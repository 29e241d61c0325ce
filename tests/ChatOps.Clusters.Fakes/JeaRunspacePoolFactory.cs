using System.Management.Automation.Runspaces;
using ChatOps.Clusters.PowerShell.Sessions;

namespace ChatOps.Clusters.Fakes;

/// <summary>
/// A node's JEA endpoint, in process: PowerShell's own <c>CreateFromSessionConfigurationFile</c> reads
/// <c>deploy/jea/ChatOps.pssc</c> (RestrictedRemoteServer, NoLanguage) and resolves its role
/// capability <c>ChatOps</c> from the ChatOpsJea module's RoleCapabilities folder on PSModulePath, as
/// WinRM does when it starts the endpoint. The fake Windows modules stand in for the node's own.
/// Differences from a real endpoint: PowerShell 7.6 instead of Windows PowerShell 5.1, no virtual
/// account, no execution policy (Linux has none; the file's RemoteSigned is read, then cleared), and the
/// transcripts go to a test folder instead of C:\ProgramData\ChatOps\Transcripts.
/// </summary>
internal sealed class JeaRunspacePoolFactory(FakeCluster fixture) : IRunspacePoolFactory
{
    static JeaRunspacePoolFactory()
    {
        // Process-wide, the same for every test: where modules come from and what $env:ProgramData says.
        Environment.SetEnvironmentVariable("PSModulePath", string.Join(Path.PathSeparator, FakeModules, JeaModules));
        Environment.SetEnvironmentVariable("ProgramData", @"C:\ProgramData");
    }

    public static string SessionConfigurationFile => Path.Combine(RepositoryFiles.Root, "deploy", "jea", "ChatOps.pssc");

    /// <summary>Where ChatOpsJea is loaded from: deploy/jea, or another build of it named by CHATOPS_TEST_JEA_MODULES (to run these tests against it).</summary>
    public static string JeaModules =>
        Environment.GetEnvironmentVariable("CHATOPS_TEST_JEA_MODULES") is { Length: > 0 } other ? other : Path.Combine(RepositoryFiles.Root, "deploy", "jea");

    public static string FakeModules => Path.Combine(AppContext.BaseDirectory, "PowerShell", "Fakes", "Modules");

    /// <summary>Builds the endpoint's session state exactly as from the file; the role check admits the bot's group.</summary>
    public static InitialSessionState EndpointState(bool asRead = false)
    {
        var state = InitialSessionState.CreateFromSessionConfigurationFile(SessionConfigurationFile, _ => true);
        if (!asRead && !OperatingSystem.IsWindows())
        {
            // Setting an execution policy throws PlatformNotSupportedException off Windows, and the public
            // setter cannot unset it: clear the "was set" flag PowerShell keeps beside the value.
            typeof(InitialSessionState).GetField("_wasExecutionPolicySet", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .SetValue(state, false);
        }

        return state;
    }

    public RunspacePool Create(string computer, int maxRunspaces)
    {
        var state = EndpointState();
        state.TranscriptDirectory = fixture.TranscriptFolder;
        // Get-HotFix is part of Windows PowerShell's built-in Management module, which PowerShell on Linux lacks.
        state.ImportPSModule(Path.Combine(FakeModules, "ChatOpsFakeWindows"));
        foreach (var (name, value) in fixture.SessionVariables(computer))
        {
            state.Variables.Add(new SessionStateVariableEntry(name, value, "Test fixture"));
        }

        var pool = RunspaceFactory.CreateRunspacePool(state);
        pool.SetMaxRunspaces(maxRunspaces);
        return pool;
    }
}
