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

    /// <summary>Serialises read-modify-write sequences inside this process.</summary>
    public Lock Gate { get; } = new();

    public void Dispose() => Database.Dispose();

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
        if (file.Exists && (file.Length == 0 || file.Length % PageSize != 0))
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
        catch (Exception ex) when (ex is LiteException or IOException or InvalidCastException or IndexOutOfRangeException or ArgumentException)
        {
            database?.Dispose();
            database = null;
            return ex.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The state database {Path} was damaged ({Problem}); moved it to {Aside} and started with an empty one")]
    private static partial void LogMovedAside(ILogger logger, string path, string problem, string aside);
}
