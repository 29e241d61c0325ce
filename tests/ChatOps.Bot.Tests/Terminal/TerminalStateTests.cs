using ChatOps.Bot.Storage;
using ChatOps.Bot.Terminal;
using ChatOps.Clusters;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Bot.Tests.Terminal;

/// <summary>
/// The terminal chat on the lab keeps its own state, apart from a running service's, unless a state
/// store is set on purpose, and says which: a shared database with separate labs would audit an action
/// the service's lab never saw.
/// </summary>
public sealed class TerminalStateTests
{
    [Theory]
    [InlineData("chat", null, null, null, true)]
    [InlineData("ask", null, null, null, true)]
    [InlineData("audit", null, null, null, false)]
    [InlineData("chat", "/srv/chatops/data/chatops.db", null, null, false)]
    [InlineData("chat", null, "PostgreSql", null, false)]
    [InlineData("ask", null, null, "PowerShell", false)]
    [InlineData("ask", null, null, "lab", true)]
    public void KeepsOwnState_OnlyOnTheLabAndOnlyWhenNoStoreWasSetOnPurpose(string mode, string? path, string? provider, string? backend, bool own)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatOps:Storage:Path"] = path,
            ["ChatOps:Storage:Provider"] = provider,
            ["ChatOps:Cluster:Backend"] = backend,
        }).Build();

        Assert.Equal(own, TerminalProgram.KeepsOwnState(mode, configuration));
    }

    [Fact]
    public void Describe_OwnState_SaysTheServicesLabAndAuditAreNotShared()
    {
        var line = new TerminalState(Own: true).Describe(new StorageOptions { Path = TerminalProgram.OwnStatePath }, new ClusterOptions());

        Assert.Contains("its own lab", line, StringComparison.Ordinal);
        Assert.Contains("data/chatops.terminal.db", line, StringComparison.Ordinal);
        Assert.Contains("audit and pending actions are not shared", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_RealNodes_SaysItIsAuditedWhereTheServiceAudits()
    {
        var line = new TerminalState(Own: false).Describe(new StorageOptions(), new ClusterOptions { Backend = ClusterOptions.PowerShellBackend });

        Assert.Contains("acts on the real cluster's nodes", line, StringComparison.Ordinal);
        Assert.Contains("data/chatops.db", line, StringComparison.Ordinal);
    }
}
