using System.Text.Json;
using ChatOps.Clusters.PowerShell;

using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>The node functions, called through the JEA-faithful endpoint, against the default lab recorded as a 2012 R2 cluster.</summary>
public sealed class ScriptOutputTests : IDisposable
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(90);
    private readonly FakeCluster _fake = new();

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task ClusterView_DefaultLab_WritesNodesVmsDisksAndQuorumWithEnumNames()
    {
        var json = await RunAsync("HVC01", "Get-ChatOpsClusterView");

        Assert.Equal("HVC01", json.GetProperty("name").GetString());
        Assert.Equal(["HV01", "HV02", "HV03", "HV04", "HV05", "HV06"], Names(json, "nodes"));
        Assert.Equal("Paused", Find(json, "nodes", "HV03").GetProperty("state").GetString());
        var sql = Find(json, "vms", "SQL-01");
        Assert.Equal(JsonValueKind.String, sql.GetProperty("state").ValueKind);
        Assert.Equal("Online", sql.GetProperty("state").GetString());
        Assert.Equal("HV01", sql.GetProperty("ownerNode").GetString());
        Assert.Equal(3000, sql.GetProperty("priority").GetInt32());
        Assert.Equal(["HV01", "HV02"], sql.GetProperty("preferredOwners").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(_fake.Lab.FindVm("SQL-01")!.Id, sql.GetProperty("id").GetGuid());
        Assert.Equal(_fake.Lab.Vms.Count, json.GetProperty("vms").GetArrayLength());
        Assert.Equal(["CSV1", "CSV2", "LUN12"], Names(json, "disks", "id"));
        Assert.Equal("NodeAndFileShareMajority", json.GetProperty("quorum").GetProperty("type").GetString());
        Assert.Equal("FileShare", json.GetProperty("quorum").GetProperty("witness").GetString());
    }

    [Fact]
    public async Task NodeInventory_HostWithDesyncedVm_WritesHyperVStateNamesAndInventory()
    {
        var json = await RunAsync("HV01", "Get-ChatOpsNodeInventory", ("NodeName", "HV01"), ("PeerNodes", "HV02,HV03"));

        Assert.Equal("HV01", json.GetProperty("name").GetString());
        Assert.Equal("Saved", Find(json, "vms", "APP-07").GetProperty("state").GetString());
        Assert.Equal(65536, Find(json, "vms", "SQL-01").GetProperty("startupMemoryMb").GetInt64());
        Assert.Contains("KB970529", json.GetProperty("hotfixes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["HBA", "MPIO", "NIC"], json.GetProperty("drivers").EnumerateArray().Select(d => d.GetProperty("deviceClass").GetString()).Order());
        Assert.Equal("I27 2010-09-30", json.GetProperty("firmware")[0].GetProperty("version").GetString());
        Assert.Equal("6.1.7601.17514", json.GetProperty("integrationServices").GetString());
        Assert.True(json.GetProperty("hardware").GetProperty("slat").GetBoolean());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("configLinks").ValueKind);
    }

    [Fact]
    public async Task NodeInventory_NodeWithHiddenLunAndStaleDns_ReportsBoth()
    {
        var hv05 = await RunAsync("HV05", "Get-ChatOpsNodeInventory", ("NodeName", "HV05"));

        Assert.Equal(["WEB-03.contoso.local"], hv05.GetProperty("staleDnsEntries").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task StopClusterService_Node_TerminatesOnlyClussvcThere()
    {
        var json = await RunAsync("HV02", "Stop-ChatOpsClusterService", ("NodeName", "HV02"), ("ExpectedQuorum", "Kept"), ("NotAfter", Deadline.FarText));

        Assert.Equal("Succeeded", json.GetProperty("status").GetString());
        Assert.Equal(["Terminate clussvc.exe 1012 on HV02"], _fake.Calls);
    }

    [Fact]
    public async Task StopVmWorker_RunningVm_TerminatesItsWorkerFoundById()
    {
        var sql = _fake.Lab.FindVm("SQL-01")!;

        var json = await RunAsync("HV01", "Stop-ChatOpsVmWorker", ("NodeName", "HV01"), ("VmId", sql.Id.ToString()), ("NotAfter", Deadline.FarText));

        Assert.Equal("Succeeded", json.GetProperty("status").GetString());
        var call = Assert.Single(_fake.Calls);
        Assert.StartsWith("Terminate vmwp.exe ", call, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopVmWorker_VmNotRegisteredOnNode_RefusedOnTheNodeAndKillsNothing()
    {
        var json = await RunAsync("HV02", "Stop-ChatOpsVmWorker", ("NodeName", "HV02"), ("VmId", Guid.NewGuid().ToString()), ("NotAfter", Deadline.FarText));

        Assert.Equal("Refused", json.GetProperty("status").GetString());
        Assert.Contains("not registered on HV02", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(_fake.Calls);
    }

    [Theory]
    [InlineData("Stop-ChatOpsClusterService")]
    [InlineData("Stop-ChatOpsVmWorker")]
    [InlineData("Clear-ChatOpsDnsCache")]
    [InlineData("Remove-ChatOpsStaleLink")]
    public async Task SafeAction_DeadlinePassed_RefusedOnTheNodeAndChangesNothing(string command)
    {
        // In the default lab SQL-01 runs on HV01, and HV05 holds a stale link to WEB-03 and a stale DNS entry.
        var (node, more) = command switch
        {
            "Stop-ChatOpsClusterService" => ("HV02", new[] { ("ExpectedQuorum", "Kept") }),
            "Stop-ChatOpsVmWorker" => ("HV01", new[] { ("VmId", _fake.Lab.FindVm("SQL-01")!.Id.ToString()) }),
            "Remove-ChatOpsStaleLink" => ("HV05", new[] { ("VmId", _fake.Lab.FindVm("WEB-03")!.Id.ToString()) }),
            _ => ("HV05", Array.Empty<(string, string)>()),
        };

        var json = await RunAsync(node, command, [("NodeName", node), .. more, ("NotAfter", "2000-01-01T00:00:00Z")]);

        Assert.Equal("Refused", json.GetProperty("status").GetString());
        Assert.StartsWith($"The deadline for this action (2000-01-01T00:00:00Z) passed before it reached {node}; nothing was ", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task ClearDnsCache_Node_FlushesThatNode()
    {
        var json = await RunAsync("HV05", "Clear-ChatOpsDnsCache", ("NodeName", "HV05"), ("NotAfter", Deadline.FarText));

        Assert.Equal("Succeeded", json.GetProperty("status").GetString());
        Assert.Equal(["Clear-DnsClientCache on HV05"], _fake.Calls);
    }

    [Fact]
    public async Task RemoveStaleLink_VmRunningOnNode_Refused()
    {
        var sql = _fake.Lab.FindVm("SQL-01")!;

        var json = await RunAsync("HV01", "Remove-ChatOpsStaleLink", ("NodeName", "HV01"), ("VmId", sql.Id.ToString()), ("NotAfter", Deadline.FarText));

        Assert.Equal("Refused", json.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("Stop-ChatOpsClusterService", "NodeName", "NODE1; Remove-Item")]
    [InlineData("Stop-ChatOpsClusterService", "NodeName", "$(whoami)")]
    [InlineData("Stop-ChatOpsClusterService", "NodeName", "NODE1' -or '1")]
    [InlineData("Stop-ChatOpsClusterService", "NodeName", "a; rm -rf /")]
    [InlineData("Clear-ChatOpsDnsCache", "NodeName", "HV01 HV02")]
    [InlineData("Stop-ChatOpsVmWorker", "VmId", "*")]
    [InlineData("Clear-ChatOpsDnsCache", "NotAfter", "2100-01-01T00:00:00Z; calc")]
    [InlineData("Clear-ChatOpsDnsCache", "NotAfter", "tomorrow")]
    [InlineData("Get-ChatOpsNodeInventory", "PeerNodes", "HV02;calc")]
    public async Task Function_HostileValue_RefusedByTheNodesParameterValidationAndNothingRuns(string command, string parameter, string value)
    {
        var arguments = new List<(string, string)> { (parameter, value) };
        if (parameter != "NodeName")
        {
            arguments.Add(("NodeName", "HV01"));
        }

        if (command == "Stop-ChatOpsVmWorker" && parameter != "VmId")
        {
            arguments.Add(("VmId", Guid.NewGuid().ToString()));
        }

        if (!command.StartsWith("Get-", StringComparison.Ordinal) && parameter != "NotAfter")
        {
            arguments.Add(("NotAfter", Deadline.FarText));
        }

        var error = await Assert.ThrowsAsync<PowerShellException>(() => RunAsync("HV01", command, [.. arguments]));

        Assert.Equal(PowerShellErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("Cannot validate argument", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task Script_LongName_RefusedByParameterValidation()
    {
        var error = await Assert.ThrowsAsync<PowerShellException>(() => RunAsync("HV01", "Clear-ChatOpsDnsCache", ("NodeName", new string('A', 300)), ("NotAfter", Deadline.FarText)));

        Assert.Contains("Cannot validate argument", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Calls);
    }

    private async Task<JsonElement> RunAsync(string computer, string command, params (string Name, string Value)[] arguments)
    {
        using var runner = _fake.Runner();
        return await runner.InvokeAsync(computer, command, [.. arguments.Select(a => new KeyValuePair<string, string>(a.Name, a.Value))], Patient, CancellationToken.None);
    }

    private static JsonElement Find(JsonElement json, string array, string name) =>
        json.GetProperty(array).EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    private static List<string?> Names(JsonElement json, string array, string property = "name") =>
        json.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(property).GetString()).ToList();
}
