using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL server for the tests: <c>initdb</c> in a temp folder, started on a free
/// loopback port with its socket in that folder, stopped and deleted when the test process ends.
/// Started once per test process; each test takes a database of its own from it. When running as
/// root the server runs as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// Without PostgreSQL's binaries, <see cref="Missing"/> says why and the tests that need it skip.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer?> Shared = new(() => Start(durable: false), LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _missing;
    private static int _databases;

    private readonly string _folder;
    private readonly string _bin;
    private readonly string? _runAs;

    private PostgresServer(string folder, string bin, string? runAs, int port)
    {
        _folder = folder;
        _bin = bin;
        _runAs = runAs;
        Port = port;
    }

    /// <summary>The running server, or null when it could not be started (<see cref="Missing"/> says why).</summary>
    public static PostgresServer? Instance => Shared.Value;

    /// <summary>Why there is no server, or null when there is one.</summary>
    public static string? Missing => _missing;

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string to the server's maintenance database as the superuser.</summary>
    public string AdminConnectionString => Connection("postgres");

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "chatops")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return Connection(name);
    }

    private string Connection(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "chatops", Database = database, Pooling = true }.ConnectionString;

    /// <summary>The directory holding initdb and pg_ctl: Debian's newest <c>/usr/lib/postgresql/N/bin</c>, else the PATH.</summary>
    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .FirstOrDefault(p => p.Length > 0 && File.Exists(Path.Combine(p, "initdb")) && File.Exists(Path.Combine(p, "pg_ctl")));
    }

    /// <summary>A server of its own with PostgreSQL's default durability (fsync on), for measurements; null when none can start (<see cref="Missing"/>).</summary>
    public static PostgresServer? StartDurable() => Start(durable: true);

    private static PostgresServer? Start(bool durable)
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            _missing = "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on the PATH); `.ci/run` installs Debian's postgresql package.";
            return null;
        }

        var runAs = Environment.UserName == "root" ? "postgres" : null;
        StopLeftovers(bin, runAs);
        var folder = Directory.CreateTempSubdirectory("chatops-pg-").FullName;
        File.WriteAllText(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            if (runAs is not null)
            {
                Run("chown", ["-R", runAs, folder], null);
            }

            var data = Path.Combine(folder, "data");
            Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "chatops", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"], runAs);
            var port = FreePort();
            // fsync off for tests: their data need not survive a power cut, and it makes the suite quicker.
            var fsync = durable ? string.Empty : " -c fsync=off";
            Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1{fsync} -c max_connections=200", "start"], runAs);
            var server = new PostgresServer(folder, bin, runAs, port);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
            return server;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            _missing = $"PostgreSQL could not be started: {ex.Message}";
            TryDelete(folder);
            return null;
        }
    }

    /// <summary>
    /// The test host is often ended without its exit handlers running, which leaves its server up:
    /// each start stops and deletes the servers of test processes that no longer exist (never
    /// those of one still running, such as another test project's beside it).
    /// </summary>
    private static void StopLeftovers(string bin, string? runAs)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "chatops-pg-*"))
        {
            var owner = Path.Combine(folder, "owner.pid");
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var pid) || ProcessExists(pid))
            {
                continue;
            }

            new PostgresServer(folder, bin, runAs, 0).Stop();
        }
    }

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Stop()
    {
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], _runAs);
        }
        catch (InvalidOperationException)
        {
            // Already gone; the folder still goes.
        }

        TryDelete(_folder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next start deletes it (its owner is gone).
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string[] arguments, string? runAs)
    {
        var start = runAs is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser", ["-u", runAs, "--", file]);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within 90 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}");
        }
    }
}
