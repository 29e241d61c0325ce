using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatOps.Bot.Hosting;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Storage.Postgres;
using ChatOps.Commands;
using ChatOps.Commands.Actions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>What only the shared PostgreSQL store promises: the schema's own rules, racing starts, instances that die, a database that is down.</summary>
public sealed class PostgresStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task AuditLog_UpdateDeleteAndTruncateAsTheServiceRole_AreRefusedByTheSchema()
    {
        await using var state = await StateUnderTest.OpenAsync(StateUnderTest.PostgreSql);
        await state.Audit.AppendAsync(new AuditRecord { Time = Now, UserId = "u", UserName = "Dana", ConversationId = "c", CommandText = "flushdns HV01", Action = "flushdns", Decision = AuditDecision.Requested }, CancellationToken.None);

        await using var connection = new NpgsqlConnection(state.Options.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE chatops_audit SET body = '{}'", "DELETE FROM chatops_audit", "TRUNCATE chatops_audit" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal("flushdns HV01", Assert.Single(await state.Audit.LatestAsync(5, CancellationToken.None)).CommandText);
    }

    [SkippableFact]
    public async Task Migration_EightInstancesStartingAtOnce_AppliesEachStepOnce()
    {
        Skip.If(PostgresServer.Instance is null, PostgresServer.Missing);
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = await PostgresServer.Instance!.CreateDatabaseAsync() };
        var stores = Enumerable.Range(0, 8).Select(_ => new PostgresStore(Microsoft.Extensions.Options.Options.Create(options))).ToList();
        var instances = stores.Select(s => new PostgresInstance(s, NullLogger<PostgresInstance>.Instance)).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.StartAsync(CancellationToken.None))));

        await using (var connection = new NpgsqlConnection(options.ConnectionString))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*), count(DISTINCT version) FROM chatops_schema", connection);
            await using var row = await count.ExecuteReaderAsync();
            await row.ReadAsync();
            Assert.Equal(PostgresSchema.Steps.Count, row.GetInt64(0));
            Assert.Equal(PostgresSchema.Steps.Count, row.GetInt64(1));
        }

        var ready = await new PostgresReadinessCheck(stores[0], TimeProvider.System).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, ready.Status);
        Assert.Contains("8 instance(s) alive", ready.Description, StringComparison.Ordinal);

        // An instance whose clock runs 40 s ahead of the database's would fail its peers out of the shared schedule.
        var skewed = await new PostgresReadinessCheck(stores[0], new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddSeconds(40))).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, skewed.Status);
        Assert.Matches(@"this instance's clock is 4\d\.\d s ahead of the database's, more than the 5 s", skewed.Description);
        foreach (var (instance, store) in instances.Zip(stores))
        {
            await instance.StopAsync(CancellationToken.None);
            await store.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Migration_SchemaNewerThanThisBuild_StopsStartUpWithOneLineAndChangesNothing()
    {
        await using (var state = await StateUnderTest.OpenAsync(StateUnderTest.PostgreSql))
        {
            await using var connection = new NpgsqlConnection(state.Options.ConnectionString);
            await connection.OpenAsync();
            await using var newer = new NpgsqlCommand("INSERT INTO chatops_schema (version, description, applied_by) VALUES (99, 'from the future', 'test')", connection);
            await newer.ExecuteNonQueryAsync();

            await using var store = new PostgresStore(Microsoft.Extensions.Options.Options.Create(state.Options));
            var stopped = await Assert.ThrowsAsync<StartupException>(() => new PostgresInstance(store, NullLogger<PostgresInstance>.Instance).StartAsync(CancellationToken.None));

            Assert.Contains($"has schema version 99, newer than this build's {PostgresSchema.Latest}", stopped.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', stopped.Message);
        }
    }

    [SkippableFact]
    public async Task Migration_PendingActionsStoredByVersion1_GetTheirExpiryFromTheirBodyEvenWithAnEscapedNul()
    {
        Skip.If(PostgresServer.Instance is null, PostgresServer.Missing);
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = await PostgresServer.Instance!.CreateDatabaseAsync() };
        // The database as a build that knew only version 1 left it, with two waiting actions in it; one
        // carries a NUL (escaped in its JSON), and both times have seven digits of fractions of a second.
        var now = DateTimeOffset.UtcNow;
        var action = new PendingAction { Id = "closed", Nonce = "n", Action = "kill clussvc", Target = "HV04", RequesterId = "aad:x", RequesterName = "Dana", ConversationId = "c", CommandText = "kill clussvc \0HV04", CreatedAt = now.AddMinutes(-10), ExpiresAt = now.AddTicks(-1_234_567) };
        var closed = PostgresJson.Write(action);
        var open = PostgresJson.Write(action with { Id = "open", CommandText = "kill clussvc HV04", CreatedAt = now.AddMinutes(-9), ExpiresAt = now.AddMinutes(10), State = PendingActionState.AwaitingApproval });
        Assert.Contains("\\u0000", closed, StringComparison.Ordinal);
        await using (var connection = new NpgsqlConnection(options.ConnectionString))
        {
            await connection.OpenAsync();
            await using (var version1 = new NpgsqlCommand($"""
                CREATE TABLE chatops_schema (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL);
                {PostgresSchema.Steps[0].Sql}
                INSERT INTO chatops_schema (version, description, applied_by) VALUES (1, 'state tables', 'an older build');
                """, connection))
            {
                await version1.ExecuteNonQueryAsync();
            }

            foreach (var (id, state, created, body) in new[] { ("closed", "AwaitingConfirmation", now.AddMinutes(-10), closed), ("open", "AwaitingApproval", now.AddMinutes(-9), open) })
            {
                await using var add = new NpgsqlCommand("INSERT INTO chatops_pending (id, state, created_at, body) VALUES (@id, @state, @created, @body)", connection);
                add.Parameters.AddWithValue("id", id);
                add.Parameters.AddWithValue("state", state);
                add.Parameters.AddWithValue("created", created.UtcDateTime);
                add.Parameters.AddWithValue("body", body);
                await add.ExecuteNonQueryAsync();
            }
        }

        await using var store = new PostgresStore(Microsoft.Extensions.Options.Options.Create(options));
        var instance = new PostgresInstance(store, NullLogger<PostgresInstance>.Instance);
        await instance.StartAsync(CancellationToken.None);
        var pending = new PostgresPendingActions(store);

        Assert.Equal("closed", Assert.Single(await pending.ListExpiredAsync(CancellationToken.None)).Id);
        Assert.Equal(["closed", "open"], (await pending.ListWaitingAsync(CancellationToken.None)).Select(a => a.Id));
        Assert.Contains('\0', (await pending.GetAsync("closed", CancellationToken.None))!.CommandText);
        await instance.StopAsync(CancellationToken.None);
    }

    [SkippableFact]
    public async Task InstanceThatDied_ItsClaimsAndRunningActionsWaitForItsLeaseThenAnotherTakesThemOver()
    {
        await using var survivor = await StateUnderTest.OpenAsync(StateUnderTest.PostgreSql);
        // The instance that dies: it checked in, claimed an activity and started an action, then went silent without leaving.
        var options = Microsoft.Extensions.Options.Options.Create(survivor.Options);
        var dead = new PostgresStore(options);
        await using (var connection = await dead.DataSource.OpenConnectionAsync())
        await using (var checkIn = dead.Command(connection, "INSERT INTO chatops_instances (id) VALUES (@me)"))
        {
            await checkIn.ExecuteNonQueryAsync();
        }

        Assert.True((await new PostgresProcessedActivities(dead, options).TryClaimAsync("act-1", Now, null, CancellationToken.None)).Claimed);
        var pending = new PostgresPendingActions(dead);
        var action = new PendingAction { Id = "p1", Nonce = "n", Action = "kill clussvc", Target = "HV04", RequesterId = "u", RequesterName = "Dana", ConversationId = "c", CommandText = "kill clussvc HV04", CreatedAt = Now, ExpiresAt = Now.AddMinutes(2) };
        await pending.AddAsync(action, CancellationToken.None);
        await pending.TryStartAsync("p1", PendingActionState.AwaitingConfirmation, action with { State = PendingActionState.Running }, TimeSpan.Zero, CancellationToken.None);

        // Within its lease it may still be working: nothing is taken from it.
        Assert.False((await survivor.Processed.TryClaimAsync("act-1", Now, null, CancellationToken.None)).Claimed);
        Assert.Empty(await survivor.Pending.ListOrphanedAsync(TimeSpan.Zero, CancellationToken.None));

        await using (var connection = await dead.DataSource.OpenConnectionAsync())
        await using (var silent = dead.Command(connection, "UPDATE chatops_instances SET seen_at = now() - @lease - interval '1 second' WHERE id = @me"))
        {
            await silent.ExecuteNonQueryAsync();
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => survivor.Processed.TryClaimAsync("act-1", Now, null, CancellationToken.None))));
        Assert.Single(claims, c => c.Claimed);
        Assert.Equal("p1", Assert.Single(await survivor.Pending.ListOrphanedAsync(TimeSpan.Zero, CancellationToken.None)).Id);
        await dead.DisposeAsync();
    }

    [SkippableFact]
    public async Task RunningAction_WrittenOffOnlyOnceItsOwnersLeaseAndItsDeadlinePlusTheMarginHavePassed_NeverByItsOwner()
    {
        await using var other = await StateUnderTest.OpenAsync(StateUnderTest.PostgreSql);
        // The owner checked in once and then went silent (paused), without leaving.
        await using var owner = new PostgresStore(Microsoft.Extensions.Options.Options.Create(other.Options));
        await using (var connection = await owner.DataSource.OpenConnectionAsync())
        await using (var checkIn = owner.Command(connection, "INSERT INTO chatops_instances (id) VALUES (@me)"))
        {
            await checkIn.ExecuteNonQueryAsync();
        }

        var pending = new PostgresPendingActions(owner);
        var action = new PendingAction { Id = "p1", Nonce = "n", Action = "kill vmwp", Target = "T-048", RequesterId = "u", RequesterName = "Dana", ConversationId = "c", CommandText = "kill vmwp T-048", CreatedAt = Now, ExpiresAt = Now.AddMinutes(2) };
        await pending.AddAsync(action, CancellationToken.None);
        var running = await pending.TryStartAsync("p1", PendingActionState.AwaitingConfirmation, action with { State = PendingActionState.Running }, TimeSpan.FromSeconds(2), CancellationToken.None);
        await Silence(owner);

        // Its owner has not checked in within its lease, but its deadline is 2 s away: its node call may still land.
        Assert.Empty(await other.Pending.ListOrphanedAsync(TimeSpan.Zero, CancellationToken.None));
        await Task.Delay(running!.ExecuteBy!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));
        Assert.Empty(await other.Pending.ListOrphanedAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Equal("p1", Assert.Single(await other.Pending.ListOrphanedAsync(TimeSpan.Zero, CancellationToken.None)).Id);

        // The owner itself never writes off what it started, whatever its own check-ins say.
        Assert.Empty(await pending.ListOrphanedAsync(TimeSpan.Zero, CancellationToken.None));
    }

    /// <summary>Makes the instance look as if it had not checked in for longer than its lease.</summary>
    private static async Task Silence(PostgresStore store)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync();
        await using var silent = store.Command(connection, "UPDATE chatops_instances SET seen_at = now() - @lease - interval '1 second' WHERE id = @me");
        await silent.ExecuteNonQueryAsync();
    }

    [SkippableFact]
    public async Task InstanceThatDied_ItsStoredActivitiesWaitForItsLeaseThenEachIsTakenOverByOneSurvivor()
    {
        await using var survivor = await StateUnderTest.OpenAsync(StateUnderTest.PostgreSql);
        var options = Microsoft.Extensions.Options.Options.Create(survivor.Options);
        var dead = new PostgresStore(options);
        var other = new PostgresStore(options);
        foreach (var instance in new[] { dead, other })
        {
            await using var connection = await instance.DataSource.OpenConnectionAsync();
            await using var checkIn = instance.Command(connection, "INSERT INTO chatops_instances (id) VALUES (@me)");
            await checkIn.ExecuteNonQueryAsync();
        }

        var deadClaims = new PostgresProcessedActivities(dead, options);
        for (var i = 0; i < 40; i++)
        {
            Assert.True((await deadClaims.TryClaimAsync($"m{i}", Now.AddSeconds(i), $"copy {i}", CancellationToken.None)).Claimed);
        }

        // Within its lease it may still be working: nothing is taken from it.
        Assert.Empty(await survivor.Processed.TakeOverAbandonedAsync(100, CancellationToken.None));

        await using (var connection = await dead.DataSource.OpenConnectionAsync())
        await using (var silent = dead.Command(connection, "UPDATE chatops_instances SET seen_at = now() - @lease - interval '1 second' WHERE id = @me"))
        {
            await silent.ExecuteNonQueryAsync();
        }

        // Two survivors look at once, five at a time: every activity goes to exactly one of them.
        var otherClaims = new PostgresProcessedActivities(other, options);
        async Task<List<string>> TakeAllAsync(IProcessedActivities claims)
        {
            var mine = new List<string>();
            while ((await claims.TakeOverAbandonedAsync(5, CancellationToken.None)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(b => b.Stored));
            }

            return mine;
        }

        var both = await Task.WhenAll(Task.Run(() => TakeAllAsync(survivor.Processed)), Task.Run(() => TakeAllAsync(otherClaims)));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"copy {i}").Order(), both.SelectMany(b => b).Order());
        await dead.DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task DatabaseDown_EveryPortRefusesWithinSecondsAndReadinessIsUnhealthy()
    {
        var port = ClosedPort();
        var options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = $"Host=127.0.0.1;Port={port};Database=chatops;Username=chatops" });
        await using var store = new PostgresStore(options);
        var watch = Stopwatch.StartNew();

        var claim = await Assert.ThrowsAsync<StateUnavailableException>(() => new PostgresProcessedActivities(store, options).TryClaimAsync("a", Now, null, CancellationToken.None));
        await Assert.ThrowsAsync<StateUnavailableException>(() => new PostgresPendingActions(store).GetAsync("p", CancellationToken.None));
        await Assert.ThrowsAsync<StateUnavailableException>(() => new PostgresAuditLog(store).LatestAsync(1, CancellationToken.None));
        await Assert.ThrowsAsync<StateUnavailableException>(() => new PostgresSubscriptions(store).ListAsync(null, CancellationToken.None));
        await Assert.ThrowsAsync<StateUnavailableException>(() => new PostgresSweepHistory(store).LatestAsync(1, CancellationToken.None));
        await Assert.ThrowsAsync<StateUnavailableException>(() => new PostgresPersonalChats(store).FindAsync("aad:x", CancellationToken.None));
        var ready = await new PostgresReadinessCheck(store, TimeProvider.System).CheckHealthAsync(new HealthCheckContext());

        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 20);
        Assert.Contains($"127.0.0.1:{port}/chatops", claim.Reason, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, ready.Status);
        var stopped = await Assert.ThrowsAsync<StartupException>(() => new PostgresInstance(store, NullLogger<PostgresInstance>.Instance).StartAsync(CancellationToken.None));
        Assert.Contains("cannot be reached", stopped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoConnectionString_StopsStartUpSayingWhereToSetIt()
    {
        var stopped = Assert.Throws<StartupException>(() => new PostgresStore(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSql })));
        Assert.Contains("ChatOps__Storage__ConnectionString", stopped.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: connections to it are refused at once, as to a database that is down.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
