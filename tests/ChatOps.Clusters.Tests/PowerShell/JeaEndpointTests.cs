using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ChatOps.Clusters.PowerShell;
using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// The endpoint deploy/jea registers, built by PowerShell's own session-configuration code; and proof
/// that this harness is faithful: what real JEA refuses, it refuses.
/// </summary>
public sealed class JeaEndpointTests
{
    private static readonly string[] Functions =
        ["Clear-ChatOpsDnsCache", "Get-ChatOpsClusterEvents", "Get-ChatOpsClusterView", "Get-ChatOpsNodeInventory", "Remove-ChatOpsStaleLink", "Stop-ChatOpsClusterService", "Stop-ChatOpsVmWorker"];

    [Fact]
    public void Endpoint_FromThePssc_NoLanguageAndOnlyTheSevenFunctionsBesideJeasOwnProxies()
    {
        var state = JeaRunspacePoolFactory.EndpointState();
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create(runspace).AddCommand("Get-Command");

        var visible = shell.Invoke().Select(c => c.Properties["Name"].Value.ToString()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(PSLanguageMode.NoLanguage, state.LanguageMode);
        Assert.Equal(Functions, visible.Where(v => v.Contains("ChatOps", StringComparison.Ordinal)));
        // What RestrictedRemoteServer itself leaves visible (implicit remoting's needs), and nothing else.
        Assert.Equal(["Clear-Host", "Exit-PSSession", "Get-Command", "Get-FormatData", "Get-Help", "Measure-Object", "Out-Default", "Select-Object"],
            visible.Where(v => !v.Contains("ChatOps", StringComparison.Ordinal)));
        Assert.Equal(PowerShellCommands.All.Order(StringComparer.Ordinal), Functions);
    }

    [Fact]
    public void Endpoint_ScriptTextFromTheCaller_RefusedByNoLanguage()
    {
        using var runspace = OpenEndpoint();
        using var shell = System.Management.Automation.PowerShell.Create(runspace).AddScript("Get-ChatOpsNodeInventory -NodeName HV01");

        var error = Assert.ThrowsAny<RuntimeException>(() => shell.Invoke());

        Assert.Contains("no-language mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoint_ScriptBlockAsAParameter_ArrivesAsTextAndFailsValidation()
    {
        using var runspace = OpenEndpoint();
        using var shell = System.Management.Automation.PowerShell.Create(runspace)
            .AddCommand("Clear-ChatOpsDnsCache").AddParameter("NodeName", ScriptBlock.Create("Remove-Item C:\\ -Recurse"));

        Assert.ThrowsAny<ParameterBindingException>(() => shell.Invoke());
    }

    [Fact]
    public void Endpoint_CmdletNotExposed_NotFound()
    {
        using var runspace = OpenEndpoint();
        using var shell = System.Management.Automation.PowerShell.Create(runspace).AddCommand("Get-ChildItem");

        Assert.Throws<CommandNotFoundException>(() => shell.Invoke());
    }

    [Fact]
    public void Endpoint_BareSelectObjectFirstInsideAFunction_FailsAsInRealJea()
    {
        // JEA replaces Select-Object with a constrained proxy in every session (role-capabilities.md),
        // even for the endpoint's own functions; only the module-qualified name reaches the cmdlet.
        using var runspace = OpenEndpoint(
            new SessionStateFunctionEntry("Test-BareSelect", "1..5 | Select-Object -First 1") { Visibility = SessionStateEntryVisibility.Public },
            new SessionStateFunctionEntry("Test-QualifiedSelect", "1..5 | Microsoft.PowerShell.Utility\\Select-Object -First 1") { Visibility = SessionStateEntryVisibility.Public });

        using var bare = System.Management.Automation.PowerShell.Create(runspace).AddCommand("Test-BareSelect");
        using var qualified = System.Management.Automation.PowerShell.Create(runspace).AddCommand("Test-QualifiedSelect");

        var output = bare.Invoke();
        Assert.Empty(output);
        Assert.Contains(bare.Streams.Error, e => e.Exception is ParameterBindingException && e.Exception.Message.Contains("'First'", StringComparison.Ordinal));
        Assert.Equal(1, Assert.Single(qualified.Invoke()).BaseObject);
    }

    [Fact]
    public void NodeModule_NoBareSelectObjectAnywhere()
    {
        var files = Directory.GetFiles(Path.Combine(JeaRunspacePoolFactory.JeaModules, "ChatOpsJea"), "*.ps*1", SearchOption.AllDirectories);

        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file).Select((l, i) => (Line: l, Number: i + 1));
            Assert.All(lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Line, @"(?<![\\\w-])Select-Object\b") && !l.Line.TrimStart().StartsWith('#')), l =>
                Assert.Fail($"{Path.GetFileName(file)}:{l.Number} calls the constrained Select-Object: {l.Line.Trim()}"));
        }
    }

    [Fact]
    public void SessionConfiguration_VirtualAccountOrGmsaAndTranscriptsOutsideUserReach()
    {
        var text = File.ReadAllText(JeaRunspacePoolFactory.SessionConfigurationFile);

        Assert.Matches(@"(?m)^\s*SessionType\s*=\s*'RestrictedRemoteServer'", text);
        Assert.Matches(@"(?m)^\s*RunAsVirtualAccount\s*=\s*\$true", text);
        Assert.Matches(@"(?m)^\s*TranscriptDirectory\s*=\s*'C:\\ProgramData\\ChatOps\\Transcripts'", text);
        var state = JeaRunspacePoolFactory.EndpointState(asRead: true);
        Assert.Equal(@"C:\ProgramData\ChatOps\Transcripts", state.TranscriptDirectory);
        Assert.Equal(Microsoft.PowerShell.ExecutionPolicy.RemoteSigned, state.ExecutionPolicy);
    }

    private static Runspace OpenEndpoint(params SessionStateCommandEntry[] extra)
    {
        var state = JeaRunspacePoolFactory.EndpointState();
        state.TranscriptDirectory = null;
        foreach (var entry in extra)
        {
            state.Commands.Add(entry);
        }

        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        return runspace;
    }
}
