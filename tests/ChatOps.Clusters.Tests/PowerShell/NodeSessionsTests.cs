using System.Diagnostics;
using System.Management.Automation.Runspaces;
using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.PowerShell;
using ChatOps.Clusters.PowerShell.Sessions;
using ChatOps.Clusters.Tests.PowerShell.Jea;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>The pooled in-process sessions: reuse, timeouts that stop and replace, retries after a broken session, bounded open pools, output limits, typed errors, bounded concurrency.</summary>
[Collection(nameof(ConcurrencyProbe))]
public sealed class NodeSessionsTests
{
    private const string View = PowerShellCommands.ClusterView;
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task InvokeAsync_TwoCallsToOneNode_OnePoolOpenedAndReused()
    {
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = "'{\"ok\":true}'" });
        using var sut = CreateSut(endpoint);

        await sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);
        var json = await sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);

        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal(1, endpoint.PoolsCreated);
    }

    [Fact]
    public async Task InvokeAsync_CallHangs_StoppedAtTheTimeoutAndThePoolKeptOnceTheStopEnds()
    {
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = "param([string] $NodeName) if ($NodeName) { Start-Sleep -Seconds 60 }; '{}'" });
        using var sut = CreateSut(endpoint);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", View, [new("NodeName", "HV01")], TimeSpan.FromMilliseconds(500), CancellationToken.None));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);

        Assert.Equal(PowerShellErrorKind.Timeout, error.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(1, endpoint.PoolsCreated);
    }

    [Fact]
    public async Task InvokeAsync_CallIgnoresTheStop_PoolReplacedAfterTheGrace()
    {
        // A .NET call blocks the pipeline thread; PowerShell's stop cannot end it.
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = "param([string] $NodeName) if ($NodeName) { [System.Threading.Thread]::Sleep(20000) }; '{}'" });
        using var sut = CreateSut(endpoint);
        await sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", View, [new("NodeName", "HV01")], TimeSpan.FromMilliseconds(300), CancellationToken.None));
        await Task.Delay(StopGrace * 3);
        await sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);

        Assert.Equal(PowerShellErrorKind.Timeout, error.Kind);
        Assert.Equal(2, endpoint.PoolsCreated);
    }

    [Fact]
    public async Task InvokeAsync_OpenSlowerThanTheCall_OpenGoesOnAndTheNextCallUsesIt()
    {
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = "'{}'" }, openDelay: TimeSpan.FromSeconds(1.5));
        using var sut = CreateSut(endpoint);

        await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", View, [], TimeSpan.FromMilliseconds(300), CancellationToken.None));
        await sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);

        Assert.Equal(1, endpoint.PoolsCreated);
    }

    [Fact]
    public async Task InvokeAsync_OpenSlowerThanOpenTimeout_UnreachableNamingTheEndpoint()
    {
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = "'{}'" }, openDelay: TimeSpan.FromSeconds(3));
        using var sut = CreateSut(endpoint, new PowerShellOptions { OpenTimeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.Unreachable, error.Kind);
        Assert.Contains("did not open a session on its 'ChatOps' endpoint within 0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CallerCancels_OperationCanceledNotTimeout()
    {
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = "Start-Sleep -Seconds 60" });
        using var sut = CreateSut(endpoint);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.InvokeAsync("HV01", View, [], Patient, cancel.Token));
    }

    [Fact]
    public async Task InvokeAsync_PoolBrokenBetweenCalls_ReplacedOnTheNextCall()
    {
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = "'{}'" });
        using var sut = CreateSut(endpoint);
        await sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);

        endpoint.Pools[0].Close();
        await sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);

        Assert.Equal(2, endpoint.PoolsCreated);
    }

    [Theory]
    [InlineData(View)]
    [InlineData(PowerShellCommands.StopVmWorker)]
    public async Task InvokeAsync_PoolClosedBeforeThePipelineStarts_RunOnceOnAFreshPool(string command)
    {
        SessionProbe.Reset();
        var endpoint = new RestartableEndpoint(new ScriptedEndpoint(new Dictionary<string, string> { [command] = Counted }));
        endpoint.RestartAfterNextOpen();
        using var sut = CreateSut(endpoint);

        await sut.InvokeAsync("HV01", command, [], Patient, CancellationToken.None);

        Assert.Equal(1, SessionProbe.Runs);
        Assert.Equal(2, endpoint.PoolsCreated);
    }

    [Fact]
    public async Task InvokeAsync_SessionBreaksWhileAReadRuns_ReadRunAgainOnAFreshPool()
    {
        SessionProbe.Reset();
        var endpoint = new RestartableEndpoint(new ScriptedEndpoint(new Dictionary<string, string> { [View] = FirstRunWaits }));
        using var sut = CreateSut(endpoint);

        var call = sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);
        Assert.True(await EventuallyAsync(() => SessionProbe.Runs == 1));
        endpoint.Restart();
        await call;

        Assert.Equal(2, SessionProbe.Runs);
        Assert.Equal(2, endpoint.PoolsCreated);
    }

    [Fact]
    public async Task InvokeAsync_SessionBreaksWhileAnActionRuns_NotRunAgainAndUnreachable()
    {
        SessionProbe.Reset();
        const string action = PowerShellCommands.StopVmWorker;
        var endpoint = new RestartableEndpoint(new ScriptedEndpoint(new Dictionary<string, string> { [action] = FirstRunWaits }));
        using var sut = CreateSut(endpoint);

        var call = sut.InvokeAsync("HV01", action, [], Patient, CancellationToken.None);
        Assert.True(await EventuallyAsync(() => SessionProbe.Runs == 1));
        endpoint.Restart();
        var error = await Assert.ThrowsAsync<PowerShellException>(() => call);

        Assert.Equal(PowerShellErrorKind.Unreachable, error.Kind);
        Assert.Equal(1, SessionProbe.Runs);
        Assert.Equal(1, endpoint.PoolsCreated);
    }

    [Fact]
    public async Task InvokeAsync_RepeatedTimeoutsOnOneNode_AtMostTwoPoolsOpenAndAllClosedOnceReleased()
    {
        // Issue 20, item 7: "repeated timeouts never hold more than a bounded number of shells per node".
        SessionProbe.Reset();
        var options = new PowerShellOptions { MaxCallsPerNode = 2 };
        var endpoint = new RestartableEndpoint(new ScriptedEndpoint(new Dictionary<string, string> { [View] = WedgedWhenNamed }));
        try
        {
            using var sut = CreateSut(endpoint, options);
            await sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None);
            for (var i = 0; i < 6; i++)
            {
                var error = await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", View, [new("NodeName", "HV01")], TimeSpan.FromSeconds(1), CancellationToken.None));
                Assert.Equal(PowerShellErrorKind.Timeout, error.Kind);
                // Past the stop grace, so each wedged call has its pool retired before the next call.
                await Task.Delay(StopGrace * 3);
            }

            // Two pools of MaxCallsPerNode runspaces each: the node's current one and one still closing.
            Assert.InRange(endpoint.PeakOpenPools, 1, 2);
        }
        finally
        {
            SessionProbe.Release();
        }

        Assert.True(await EventuallyAsync(() => endpoint.OpenPools == 0 && SessionProbe.OpenRunspaces == 0),
            $"{endpoint.OpenPools} pools and {SessionProbe.OpenRunspaces} runspaces still open");
    }

    [Theory]
    [InlineData("'not json'", "did not write a JSON document")]
    [InlineData("[pscustomobject]@{ a = 1 }", "instead of its JSON document")]
    [InlineData("", "did not write a JSON document")]
    public async Task InvokeAsync_OutputNotOneJsonDocument_BadOutput(string body, string expected)
    {
        using var sut = CreateSut(new ScriptedEndpoint(new Dictionary<string, string> { [View] = body }));

        var error = await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.BadOutput, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("throw '{\"error\":{\"kind\":\"NotFound\",\"message\":\"No config link for VM x.\"}}'", PowerShellErrorKind.NotFound, "No config link for VM x.")]
    [InlineData("throw '{\"error\":{\"kind\":\"Refused\",\"message\":\"This endpoint is HV02.\"}}'", PowerShellErrorKind.Refused, "This endpoint is HV02.")]
    [InlineData("throw 'Access is denied'", PowerShellErrorKind.AccessDenied, "Access is denied")]
    [InlineData("throw 'disk on fire'", PowerShellErrorKind.Failed, "disk on fire")]
    public async Task InvokeAsync_FunctionThrows_TypedErrorWithItsMessage(string body, PowerShellErrorKind kind, string message)
    {
        using var sut = CreateSut(new ScriptedEndpoint(new Dictionary<string, string> { [View] = body }));

        var error = await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None));

        Assert.Equal(kind, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{View} on HV01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_EndpointLacksTheFunction_NotFoundSayingWhatToInstall()
    {
        using var sut = CreateSut(new ScriptedEndpoint(new Dictionary<string, string>()));

        var error = await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.NotFound, error.Kind);
        Assert.Contains("install the current ChatOpsJea module", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_OutputOverTheLimit_StoppedAsOutputTooLarge()
    {
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = "foreach ($i in 1..100000) { 'x' * 100 }" });
        using var sut = CreateSut(endpoint, new PowerShellOptions { MaxOutputBytes = 64 * 1024 });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.OutputTooLarge, error.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("Invoke-Expression", "NodeName", "HV01")]
    [InlineData(View, "Node Name", "HV01")]
    [InlineData(View, "NodeName", "HV01\nRemove-Item C:\\")]
    [InlineData(View, "NodeName", "")]
    public async Task InvokeAsync_CommandOrValueNotAccepted_RefusedWithoutASession(string command, string parameter, string value)
    {
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = "'{}'" });
        using var sut = CreateSut(endpoint);

        var error = await Assert.ThrowsAsync<PowerShellException>(() => sut.InvokeAsync("HV01", command, [new(parameter, value)], Patient, CancellationToken.None));

        Assert.Equal(PowerShellErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(0, endpoint.PoolsCreated);
    }

    [Fact]
    public async Task InvokeAsync_ManyCallsToOneNode_AtMostMaxCallsPerNodeAtOnce()
    {
        ConcurrencyProbe.Reset();
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = Probed });
        using var sut = CreateSut(endpoint, new PowerShellOptions { MaxCallsPerNode = 2 });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sut.InvokeAsync("HV01", View, [], Patient, CancellationToken.None)));

        Assert.Equal(2, ConcurrencyProbe.Peak);
    }

    [Fact]
    public async Task InvokeAsync_CallsToManyNodes_AtMostMaxConcurrentCallsAtOnce()
    {
        ConcurrencyProbe.Reset();
        var endpoint = new ScriptedEndpoint(new Dictionary<string, string> { [View] = Probed });
        using var sut = CreateSut(endpoint, new PowerShellOptions { MaxConcurrentCalls = 3 });

        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => sut.InvokeAsync($"HV{i:00}", View, [], Patient, CancellationToken.None)));

        Assert.Equal(3, ConcurrencyProbe.Peak);
    }

    [Fact]
    public void WSManFactory_Options_JeaShellUriKerberosAndDefaultPort()
    {
        var factory = new WSManRunspacePoolFactory(new PowerShellOptions { ConfigurationName = "ChatOps", UserName = @"CONTOSO\svc-chatops", Password = "p" });

        var info = factory.ConnectionInfo("HV01");

        Assert.Equal("http://schemas.microsoft.com/powershell/ChatOps", info.ShellUri);
        Assert.Equal(AuthenticationMechanism.Kerberos, info.AuthenticationMechanism);
        Assert.Equal(5985, info.Port);
        Assert.Equal("HV01", info.ComputerName);
        Assert.Equal(@"CONTOSO\svc-chatops", info.Credential!.UserName);
        Assert.Equal(5986, new WSManRunspacePoolFactory(new PowerShellOptions { UseSsl = true }).ConnectionInfo("HV01").Port);
        Assert.Null(new WSManRunspacePoolFactory(new PowerShellOptions()).ConnectionInfo("HV01").Credential);
    }

    private const string Probed =
        "[ChatOps.Clusters.Tests.PowerShell.ConcurrencyProbe]::Enter(); try { Start-Sleep -Milliseconds 200 } finally { [ChatOps.Clusters.Tests.PowerShell.ConcurrencyProbe]::Exit() }; '{}'";

    private static readonly TimeSpan StopGrace = TimeSpan.FromMilliseconds(300);

    private const string Probe = "[ChatOps.Clusters.Tests.PowerShell.SessionProbe]";

    private const string Counted = $"$null = {Probe}::Run(); '{{}}'";

    private const string FirstRunWaits = $"if ({Probe}::Run() -eq 1) {{ Start-Sleep -Seconds 60 }}; '{{}}'";

    private const string WedgedWhenNamed = $"param([string] $NodeName) if ($NodeName) {{ {Probe}::Hang() }}; '{{}}'";

    private static NodeSessions CreateSut(IRunspacePoolFactory endpoint, PowerShellOptions? options = null) =>
        new(endpoint, options ?? new PowerShellOptions(), NullLogger<NodeSessions>.Instance, StopGrace);

    /// <summary>Waits for what another thread does, a minute at most; the caller asserts the outcome.</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(50);
        }

        return condition();
    }
}
