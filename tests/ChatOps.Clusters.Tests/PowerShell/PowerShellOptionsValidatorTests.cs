using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.PowerShell;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Clusters.Tests.PowerShell;

public sealed class PowerShellOptionsValidatorTests
{
    [Theory]
    [InlineData("ChatOps:PowerShell:ClusterName", "", "ChatOps:PowerShell:ClusterName is ''")]
    [InlineData("ChatOps:PowerShell:ClusterName", "HVC01; whoami", "ChatOps:PowerShell:ClusterName is 'HVC01; whoami'")]
    [InlineData("ChatOps:PowerShell:ConfigurationName", "Chat Ops", "ChatOps:PowerShell:ConfigurationName is 'Chat Ops'")]
    [InlineData("ChatOps:PowerShell:ConfigurationName", "", "ChatOps:PowerShell:ConfigurationName is empty; the bot only runs its probes through each node's JEA endpoint")]
    [InlineData("ChatOps:PowerShell:Password", "secret", "ChatOps:PowerShell:Password is set without ChatOps:PowerShell:UserName")]
    [InlineData("ChatOps:PowerShell:MaxCallsPerNode", "0", "ChatOps:PowerShell:MaxCallsPerNode (0) must be 1 to 64")]
    [InlineData("ChatOps:PowerShell:Nodes:0:Name", "HV01 HV02", "ChatOps:PowerShell:Nodes:0:Name is 'HV01 HV02'")]
    public void Build_PowerShellBackendWithBadSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        using var host = CreateHost(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PowerShellOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_LabBackendWithoutPowerShellSettings_Valid()
    {
        using var host = CreateHost(new() { ["ChatOps:Cluster:Backend"] = "Lab", ["ChatOps:PowerShell:ClusterName"] = "" });

        Assert.Equal(ClusterOptions.LabBackend, host.Services.GetRequiredService<IClusterGateway>().Backend);
    }

    [Fact]
    public void Build_PowerShellBackendConfigured_RegistersThePowerShellGatewayWithTheNodesAndSites()
    {
        using var host = CreateHost(new() { ["ChatOps:PowerShell:Nodes:0:Name"] = "HV01", ["ChatOps:PowerShell:Nodes:0:Site"] = "DC-East" });

        Assert.IsType<PowerShellClusterGateway>(host.Services.GetRequiredService<IClusterGateway>());
        var node = Assert.Single(host.Services.GetRequiredService<IOptions<PowerShellOptions>>().Value.Nodes);
        Assert.Equal(("HV01", "DC-East"), (node.Name, node.Site));
    }

    private static IHost CreateHost(Dictionary<string, string?> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["ChatOps:Cluster:Backend"] = "PowerShell",
            ["ChatOps:PowerShell:ClusterName"] = "HVC01",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddClusters();
        return builder.Build();
    }
}
