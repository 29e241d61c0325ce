using ChatOps.Bot.Hosting;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Storage;

/// <summary>
/// The one LiteDB file the service uses, opened once at start and shared by the stores. A damaged
/// file (truncated, or any document of it unreadable: <see cref="LiteDbIntegrity"/>) stops start-up with
/// one line naming it, unless <see cref="StorageOptions.MoveCorruptAside"/> moves it aside, which is
/// logged, and a new file starts.
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

    /// <summary>
    /// What start-up says when a read at start fails on a file the check at open passed: the file is
    /// taken as damaged, in one line naming it, and start-up stops (the store is already in use, so it
    /// cannot be moved aside now).
    /// </summary>
    public StartupException Damaged(Exception exception) => new(
        $"The state database {FullPath} is damaged ({exception.Message.ReplaceLineEndings(" ")}). Restore it from a backup, or set " +
        $"{StorageOptions.Section}:MoveCorruptAside=true to move it aside at the next start and start with an empty one.", exception);

    private static LiteDatabase Open(string path, BsonMapper mapper, bool moveAside, ILogger<LiteDbStore>? logger)
    {
        var problem = Damage(path, mapper);
        if (problem is null)
        {
            return Shared(path, mapper);
        }

        if (!moveAside)
        {
            throw new StartupException(
                $"The state database {path} is damaged ({problem}); nothing was changed. Restore it from a backup, or set " +
                $"{StorageOptions.Section}:MoveCorruptAside=true to move it aside and start with an empty one.");
        }

        var aside = $"{path}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
        try
        {
            File.Move(path, aside);
            // The write-ahead log goes with it: left behind, LiteDB would replay old pages into the new file.
            if (File.Exists(LogPath(path)))
            {
                File.Move(LogPath(path), aside + ".log");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The state database {path} is damaged ({problem}) and could not be moved aside to {aside}: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }

        if (logger is not null)
        {
            LogMovedAside(logger, path, problem, aside);
        }

        return Shared(path, mapper);
    }

    /// <summary>Null when the file is absent (a new one is made) or every document of every collection reads; otherwise what is wrong.</summary>
    private static string? Damage(string path, BsonMapper mapper)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        // With a write-ahead log beside it, a last page cut short may be what LiteDB recovers on open: let it try.
        if ((file.Length == 0 || file.Length % PageSize != 0) && !File.Exists(LogPath(path)))
        {
            return $"{file.Length} bytes is not a whole number of {PageSize}-byte pages: the file was cut short";
        }

        // A file that cannot be opened (held elsewhere, no access) is not damaged and is never moved.
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The state database {path} cannot be opened ({ex.Message.ReplaceLineEndings(" ")}); nothing was changed. Is another process holding it?", ex);
        }

        return LiteDbIntegrity.Check(path, mapper);
    }

    /// <summary>The database the stores share, opened now (a new file created) so that one it cannot use stops start-up here.</summary>
    private static LiteDatabase Shared(string path, BsonMapper mapper)
    {
        var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared }, mapper);
        try
        {
            _ = database.GetCollectionNames().ToList();
            return database;
        }
        catch (Exception ex)
        {
            database.Dispose();
            throw new StartupException($"The state database {path} cannot be opened ({ex.Message.ReplaceLineEndings(" ")}). Can this service write to its folder?", ex);
        }
    }

    /// <summary>LiteDB 5's write-ahead log: <c>name-log.ext</c> beside the data file.</summary>
    private static string LogPath(string path) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    [LoggerMessage(Level = LogLevel.Error, Message = "The state database {Path} was damaged ({Problem}); moved it to {Aside} and started with an empty one")]
    private static partial void LogMovedAside(ILogger logger, string path, string problem, string aside);
}
