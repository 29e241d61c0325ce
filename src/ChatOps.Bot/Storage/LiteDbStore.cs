using ChatOps.Bot.Hosting;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Storage;

/// <summary>
/// The one LiteDB file the service uses, opened once at start and shared by the stores. A damaged
/// file (truncated, or unreadable by LiteDB) stops start-up with one line naming it, unless
/// <see cref="StorageOptions.MoveCorruptAside"/> moves it aside, which is logged, and a new file starts.
/// </summary>
internal sealed partial class LiteDbStore : IDisposable
{
    /// <summary>LiteDB 5 writes whole pages of 8 KB: any other length is a file cut short.</summary>
    private const int PageSize = 8192;

    public LiteDbStore(IOptions<StorageOptions> options, IHostEnvironment environment, ILogger<LiteDbStore>? logger = null)
    {
        var path = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        FullPath = path;
        var mapper = new BsonMapper { EmptyStringToNull = false, EnumAsInteger = false };
        MapperWarmUp.Warm(mapper);
        Database = Open(path, mapper, options.Value.MoveCorruptAside, logger);
    }

    public LiteDatabase Database { get; }

    public string FullPath { get; }

    /// <summary>
    /// This process, a random id per start. Claims and running actions name it: one that names
    /// another was left by an earlier process (a file is open in one process at a time), so it is gone.
    /// </summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Serialises read-modify-write sequences inside this process.</summary>
    public Lock Gate { get; } = new();

    /// <summary>
    /// Waits for a read-modify-write still running (one whose caller gave up on it, such as a claim
    /// past its deadline) before closing: the shared-mode engine's mutex must be released by the
    /// thread that holds it, or closing throws.
    /// </summary>
    public void Dispose()
    {
        // A store wedged for good must not hold the service's shutdown: close anyway after a while.
        var entered = Gate.TryEnter(TimeSpan.FromSeconds(10));
        try
        {
            Database.Dispose();
        }
        finally
        {
            if (entered)
            {
                Gate.Exit();
            }
        }
    }

    private LiteDatabase Open(string path, BsonMapper mapper, bool moveAside, ILogger<LiteDbStore>? logger)
    {
        var problem = Damage(path, mapper, out var database);
        if (problem is null)
        {
            return database!;
        }

        if (!moveAside)
        {
            throw new StartupException(
                $"The state database {path} is damaged ({problem}); nothing was changed. Restore it from a backup, or set " +
                $"{StorageOptions.Section}:MoveCorruptAside=true to move it aside and start with an empty one.");
        }

        var aside = $"{path}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
        File.Move(path, aside);
        // The write-ahead log goes with it: left behind, LiteDB would replay old pages into the new file.
        if (File.Exists(LogPath(path)))
        {
            File.Move(LogPath(path), aside + ".log");
        }

        if (logger is not null)
        {
            LogMovedAside(logger, path, problem, aside);
        }

        return Damage(path, mapper, out database) is { } again
            ? throw new StartupException($"The state database {path} could not be created afresh: {again}")
            : database!;
    }

    /// <summary>Null when the file is absent (a new one is made) or opens and every collection reads; otherwise what is wrong.</summary>
    private static string? Damage(string path, BsonMapper mapper, out LiteDatabase? database)
    {
        database = null;
        var file = new FileInfo(path);

        // With a write-ahead log beside it, a last page cut short may be what LiteDB recovers on open: let it try.
        if (file.Exists && (file.Length == 0 || file.Length % PageSize != 0) && !File.Exists(LogPath(path)))
        {
            return $"{file.Length} bytes is not a whole number of {PageSize}-byte pages: the file was cut short";
        }

        try
        {
            database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared }, mapper);
            foreach (var name in database.GetCollectionNames())
            {
                _ = database.GetCollection(name).Count();
            }

            return null;
        }
        catch (Exception ex) when (ex is LiteException or InvalidCastException or IndexOutOfRangeException || (ex is ArgumentException && file.Exists))
        {
            // What LiteDB throws for a file it cannot decode. A file it cannot open (locked, no access)
            // is not damaged and is never moved: that stops start-up with its own line below.
            database?.Dispose();
            database = null;
            return ex.Message;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            database?.Dispose();
            throw new StartupException($"The state database {path} cannot be opened ({ex.Message}); nothing was changed. Is another process holding it?", ex);
        }
    }

    /// <summary>LiteDB 5's write-ahead log: <c>name-log.ext</c> beside the data file.</summary>
    private static string LogPath(string path) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    [LoggerMessage(Level = LogLevel.Error, Message = "The state database {Path} was damaged ({Problem}); moved it to {Aside} and started with an empty one")]
    private static partial void LogMovedAside(ILogger logger, string path, string problem, string aside);
}
