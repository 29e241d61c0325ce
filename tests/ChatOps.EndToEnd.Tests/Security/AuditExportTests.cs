using ChatOps.Bot.Storage;
using ChatOps.Commands.Actions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary><c>audit export</c> as an operator runs it, on a database of many records.</summary>
public sealed class AuditExportTests
{
    [Fact]
    public async Task AuditExport_100000Records_EveryRecordExportedExitZero()
    {
        var folder = Directory.CreateTempSubdirectory("chatops-export-").FullName;
        try
        {
            var path = Path.Combine(folder, "chatops.db");
            using (var store = new LiteDbStore(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = path }), new Folder(folder)))
            {
                store.Database.GetCollection<LiteDbAuditLog.AuditDocument>("audit", LiteDB.BsonAutoId.Int64).InsertBulk(
                    Enumerable.Range(0, 100_000).Select(i => new LiteDbAuditLog.AuditDocument
                    {
                        Record = new AuditRecord
                        {
                            Time = DateTimeOffset.UnixEpoch, UserId = "29:u1", UserName = "Dana", ConversationId = "c1",
                            CommandText = "flushdns HV01", Action = "flushdns", Target = $"T{i}", Decision = AuditDecision.Requested,
                        },
                    }));
            }

            var output = Path.Combine(folder, "audit.jsonl");
            var (exitCode, stderr) = await BotProcess.RunAsync(["audit", "export", output], new Dictionary<string, string> { ["ChatOps__Storage__Path"] = path }, TimeSpan.FromSeconds(120));

            Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
            Assert.Contains("Exported 100000 audit record(s)", stderr, StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(output);
            Assert.Equal(100_000, lines.Length);
            Assert.Contains("\"target\":\"T99999\"", lines[^1], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Folder(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "ChatOps.EndToEnd.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
