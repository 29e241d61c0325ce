using ChatOps.Bot.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>A LiteDB file in a fresh temp folder; reopen it to simulate a restart.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-store-").FullName;

    public StorageOptions Options { get; } = new() { Path = "state/chatops.db" };

    /// <summary>Where <see cref="Open"/> puts the file.</summary>
    public string FilePath => Path.GetFullPath(Options.Path, _folder);

    public LiteDbStore Open() => new(Microsoft.Extensions.Options.Options.Create(Options), new Env(_folder));

    /// <summary>The outcome outbox beside the file, as the service opens it.</summary>
    public FileOutcomeOutbox Outbox() => new(Microsoft.Extensions.Options.Options.Create(Options), new Env(_folder), Microsoft.Extensions.Logging.Abstractions.NullLogger<FileOutcomeOutbox>.Instance);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Env(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "ChatOps.Bot.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
