using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Fakes.Fixtures;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// Azure Local enforces App Control: an unsigned module that the policy does not trust runs in
/// ConstrainedLanguage (about_Language_Modes), while Microsoft's signed modules keep FullLanguage.
/// Here the fake Windows modules load first in FullLanguage, then ChatOpsJea loads under
/// ConstrainedLanguage, and every node function still answers.
/// </summary>
public sealed class AppControlTests
{
    public static TheoryData<string> Calls =>
    [
        "Get-ChatOpsClusterView",
        "Get-ChatOpsNodeInventory -NodeName AZL01 -PeerNodes AZL02",
        "Get-ChatOpsClusterEvents -SinceMinutes 60",
        $"Stop-ChatOpsVmWorker -NodeName AZL01 -VmId {ModernFixture.VmId("DC01")} -NotAfter {Deadline.FarText}",
        $"Remove-ChatOpsStaleLink -NodeName AZL01 -VmId {ModernFixture.VmId("DC01")} -NotAfter {Deadline.FarText}",
        $"Stop-ChatOpsClusterService -NodeName AZL01 -ExpectedQuorum Kept -NotAfter {Deadline.FarText}",
        $"Clear-ChatOpsDnsCache -NodeName AZL01 -NotAfter {Deadline.FarText}",
    ];

    [Theory]
    [MemberData(nameof(Calls))]
    public void NodeFunction_ModuleInConstrainedLanguage_StillAnswersItsJson(string call)
    {
        using var fake = new FakeCluster(ModernFixture.Record(WindowsVersion.AzureLocal23H2));
        using var runspace = RunspaceFactory.CreateRunspace(TrustedWindowsModules(fake, "AZL01"));
        runspace.Open();
        using var shell = System.Management.Automation.PowerShell.Create(runspace)
            .AddScript("$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'; Import-Module ChatOpsJea; " + call);

        var output = shell.Invoke();

        Assert.Equal(PSLanguageMode.ConstrainedLanguage, runspace.SessionStateProxy.LanguageMode);
        using var json = JsonDocument.Parse(string.Join('\n', output.Select(o => o.BaseObject)));
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.False(json.RootElement.TryGetProperty("error", out _));
    }

    private static InitialSessionState TrustedWindowsModules(FakeCluster fake, string node)
    {
        _ = JeaRunspacePoolFactory.EndpointState(); // sets PSModulePath to the fakes and deploy/jea
        var state = InitialSessionState.CreateDefault2();
        foreach (var module in Directory.GetDirectories(JeaRunspacePoolFactory.FakeModules))
        {
            state.ImportPSModule(module);
        }

        foreach (var (name, value) in fake.SessionVariables(node))
        {
            state.Variables.Add(new SessionStateVariableEntry(name, value, "Test fixture"));
        }

        return state;
    }
}
