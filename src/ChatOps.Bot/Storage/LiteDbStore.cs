using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Storage;

/// <summary>The one LiteDB file the service uses, opened once and shared by the stores.</summary>
internal sealed class LiteDbStore : IDisposable
{
    public LiteDbStore(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        var path = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var mapper = new BsonMapper { EmptyStringToNull = false, EnumAsInteger = false };
        Database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Shared }, mapper);
        FullPath = path;
    }

    public LiteDatabase Database { get; }

    public string FullPath { get; }

    /// <summary>Serialises read-modify-write sequences inside this process.</summary>
    public Lock Gate { get; } = new();

    public void Dispose() => Database.Dispose();
}
