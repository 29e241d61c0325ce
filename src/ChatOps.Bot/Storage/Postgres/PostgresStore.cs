using System.Data.Common;
using System.Net.Sockets;
using ChatOps.Commands;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>
/// The PostgreSQL database several instances share: one pooled data source, this instance's id,
/// and the one place a driver failure becomes <see cref="StateUnavailableException"/>. Unless the
/// connection string says otherwise, connecting gives up after 3 s and a statement after 5 s,
/// so a database that is down refuses at once instead of holding requests.
/// </summary>
internal sealed class PostgresStore : IAsyncDisposable
{
    public PostgresStore(IOptions<StorageOptions> options)
    {
        var configured = options.Value.ConnectionString;
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new Hosting.StartupException(
                $"{StorageOptions.Section}:Provider is PostgreSql but {StorageOptions.Section}:ConnectionString is empty. " +
                "Set ChatOps__Storage__ConnectionString in the environment (Host=…;Database=…;Username=…;Password=…).");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = WithLimits(configured);
        }
        catch (ArgumentException ex)
        {
            throw new Hosting.StartupException($"{StorageOptions.Section}:ConnectionString cannot be read: {ex.Message}", ex);
        }

        Where = $"{builder.Host}:{builder.Port}/{builder.Database}";
        DataSource = NpgsqlDataSource.Create(builder);
        Lease = options.Value.InstanceLease;
    }

    /// <summary>
    /// The configured connection string with the time limits filled in where it states none (3 s to
    /// connect, 5 s a statement), as this store and Quartz's job store both connect; throws
    /// <see cref="ArgumentException"/> for one that cannot be read.
    /// </summary>
    public static NpgsqlConnectionStringBuilder WithLimits(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        var stated = new DbConnectionStringBuilder { ConnectionString = configured };
        if (!stated.ContainsKey("Timeout"))
        {
            builder.Timeout = 3;
        }

        if (!stated.ContainsKey("Command Timeout") && !stated.ContainsKey("CommandTimeout"))
        {
            builder.CommandTimeout = 5;
        }

        builder.ApplicationName ??= "ChatOps";
        return builder;
    }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Where { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>This instance: machine, process and a random part, so a restart on the same machine is a new instance.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long an instance that stopped checking in is still taken as alive.</summary>
    public TimeSpan Lease { get; }

    /// <summary>SQL for "the instance named by <paramref name="column"/> is alive": it checked in within the lease, by the database's clock.</summary>
    public static string Alive(string column) =>
        $"EXISTS (SELECT 1 FROM chatops_instances i WHERE i.id = {column} AND i.seen_at > now() - @lease)";

    /// <summary>Runs <paramref name="work"/> on a pooled connection; a database that cannot be reached becomes <see cref="StateUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
            return await work(connection, cancellationToken);
        }
        catch (Exception ex) when (Unavailable(ex, cancellationToken))
        {
            throw new StateUnavailableException($"{Where}: {Describe(ex)}", ex);
        }
    }

    /// <summary>A command with <c>@lease</c> and <c>@me</c> bound, as most statements here need.</summary>
    public NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("lease", Lease);
        command.Parameters.AddWithValue("me", Instance);
        return command;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <summary>
    /// Down, unreachable, refusing connections, shutting down or out of connections: the database's
    /// state, not a fault in a statement. A statement that fails on its own (a constraint, a bug) is not this.
    /// </summary>
    private static bool Unavailable(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState is "57P01" or "57P02" or "57P03" or "57014" or "3D000" or "28P01" or "28000",
        NpgsqlException => true,
        TimeoutException or SocketException => true,
        ObjectDisposedException => true, // the service is stopping: its data source is gone
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static string Describe(Exception ex) => (ex.InnerException is SocketException or TimeoutException ? ex.InnerException : ex).Message;
}
