using ChatOps.Bot.Storage;
using ChatOps.Bot.Storage.Postgres;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Subscriptions;
using ChatOps.Commands.Sweeps;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>
/// The six state ports over one provider, as the service wires them, for the contract tests that
/// run on both. <see cref="RestartAsync"/> stops this process's stores and opens them again as the
/// next process (LiteDB: the file reopened; PostgreSQL: a new instance on the same database, after
/// the old one left as a clean stop does).
/// </summary>
internal sealed class StateUnderTest : IAsyncDisposable
{
    public const string LiteDb = nameof(StorageProvider.LiteDb);
    public const string PostgreSql = nameof(StorageProvider.PostgreSql);

    private readonly TempStore? _file;
    private LiteDbStore? _lite;
    private LiteDbProcessedActivities? _liteClaims;
    private PostgresStore? _postgres;
    private PostgresInstance? _instance;

    private StateUnderTest(StorageOptions options, TempStore? file)
    {
        Options = options;
        _file = file;
    }

    public StorageOptions Options { get; }

    public IAuditLog Audit { get; private set; } = null!;

    public IPendingActions Pending { get; private set; } = null!;

    public IPersonalChats PersonalChats { get; private set; } = null!;

    public IProcessedActivities Processed { get; private set; } = null!;

    public ISubscriptions Subscriptions { get; private set; } = null!;

    public ISweepHistory Sweeps { get; private set; } = null!;

    /// <summary>The LiteDB file, when that is the provider.</summary>
    public LiteDbStore? LiteDbFile => _lite;

    /// <summary>The PostgreSQL store, when that is the provider.</summary>
    public PostgresStore? Postgres => _postgres;

    /// <summary>Opens the provider on fresh state; skips the test when PostgreSQL is asked for and missing.</summary>
    public static async Task<StateUnderTest> OpenAsync(string provider)
    {
        StateUnderTest state;
        if (provider == PostgreSql)
        {
            Skip.If(PostgresServer.Instance is null, PostgresServer.Missing);
            var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = await PostgresServer.Instance!.CreateDatabaseAsync() };
            state = new StateUnderTest(options, null);
        }
        else
        {
            var file = new TempStore();
            state = new StateUnderTest(file.Options, file);
        }

        await state.StartAsync();
        return state;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _file?.Dispose();
    }

    private async Task StartAsync()
    {
        if (_file is not null)
        {
            _lite = _file.Open();
            _liteClaims = new LiteDbProcessedActivities(_lite, Microsoft.Extensions.Options.Options.Create(Options));
            (Audit, Pending, Processed, Subscriptions, Sweeps) = (new LiteDbAuditLog(_lite), new LiteDbPendingActions(_lite, TimeProvider.System), _liteClaims, new LiteDbSubscriptions(_lite), new LiteDbSweepHistory(_lite));
            PersonalChats = new LiteDbPersonalChats(_lite);
            return;
        }

        _postgres = new PostgresStore(Microsoft.Extensions.Options.Options.Create(Options));
        _instance = new PostgresInstance(_postgres, NullLogger<PostgresInstance>.Instance);
        await _instance.StartAsync(CancellationToken.None);
        (Audit, Pending, Processed, Subscriptions, Sweeps) = (new PostgresAuditLog(_postgres), new PostgresPendingActions(_postgres),
            new PostgresProcessedActivities(_postgres, Microsoft.Extensions.Options.Options.Create(Options)), new PostgresSubscriptions(_postgres), new PostgresSweepHistory(_postgres));
        PersonalChats = new PostgresPersonalChats(_postgres);
    }

    private async Task StopAsync()
    {
        _liteClaims?.Dispose();
        _lite?.Dispose();
        (_liteClaims, _lite) = (null, null);
        if (_instance is not null)
        {
            await _instance.StopAsync(CancellationToken.None);
            await _postgres!.DisposeAsync();
            (_instance, _postgres) = (null, null);
        }
    }
}
