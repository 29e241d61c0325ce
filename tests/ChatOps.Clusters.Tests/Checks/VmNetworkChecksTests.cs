using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

public sealed class VmNetworkChecksTests
{
    private static readonly Version OldIs = new(6, 0, 6002, 18005);

    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["healthy"] = b => b,
        ["legacy NIC"] = b => b.WithVm("N1-VM2", v => v with { Nics = [new VmNic("Legacy Network Adapter", true, ["10.1.10.99"])] }),
        ["APIPA address"] = b => b.WithVm("N2-VM1", v => v with { Nics = [new VmNic("Network Adapter", false, ["169.254.7.12"])] }),
        ["duplicate address"] = b => b.WithVm("N2-VM1", v => v with { Nics = [new VmNic("Network Adapter", false, ["10.1.10.10"])] }),
        ["old integration services"] = b => b.WithVm("N3-VM2", v => v with { IntegrationServices = OldIs }),
        ["host offers older integration services"] = b => b.Inventory("N2", i => i with { IntegrationServices = OldIs }),
    };

    [Theory]
    [InlineData(CheckIds.LegacyNic, KbIds.LegacyNic, "healthy")]
    [InlineData(CheckIds.LegacyNic, KbIds.LegacyNic, "legacy NIC", "N1-VM2")]
    [InlineData(CheckIds.ApipaDuplicateIp, KbIds.DuplicateIpApipa, "healthy")]
    [InlineData(CheckIds.ApipaDuplicateIp, KbIds.DuplicateIpApipa, "APIPA address", "N2-VM1")]
    [InlineData(CheckIds.ApipaDuplicateIp, KbIds.DuplicateIpApipa, "duplicate address", "N1-VM1")]
    [InlineData(CheckIds.IntegrationServicesLag, KbIds.DuplicateIpApipa, "healthy")]
    [InlineData(CheckIds.IntegrationServicesLag, KbIds.DuplicateIpApipa, "old integration services", "N3-VM2")]
    [InlineData(CheckIds.IntegrationServicesLag, KbIds.DuplicateIpApipa, "host offers older integration services", "N2")]
    public void Run_Scenario_ReportsSubjects(string checkId, string kbId, string scenario, params string[] expected) =>
        CheckAssert.Subjects(checkId, Scenarios[scenario](SnapshotBuilder.Healthy()).Build(), kbId, expected);

    [Fact]
    public void LegacyNic_StoppedVmStillAnsweringPing_IsHigh()
    {
        var snapshot = SnapshotBuilder.Healthy()
            .WithVm("N1-VM2", v => v with
            {
                GroupState = VmGroupState.Failed,
                HostStates = [],
                RespondsToPing = true,
                Nics = [new VmNic("Legacy Network Adapter", true, ["10.1.10.99"])],
            })
            .Build();

        var finding = Assert.Single(ClusterChecks.Find(CheckIds.LegacyNic)!.Run(snapshot));

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("still answers ping", finding.Evidence, StringComparison.Ordinal);
    }
}
