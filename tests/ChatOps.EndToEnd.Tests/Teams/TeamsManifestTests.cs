using System.Buffers.Binary;
using System.Text.Json;
using ChatOps.Commands.Routing;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;

namespace ChatOps.EndToEnd.Tests.Teams;

/// <summary>deploy/teams: the app manifest against its schema (kept in the repo), its icons, and its commands against the router.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(RepoRoot(), "deploy", "teams");

    [Fact]
    public async Task Manifest_PlaceholdersFilledIn_ValidatesAgainstItsSchema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Folder, "schema", "MicrosoftTeams.schema.json"));

        var errors = schema.Validate(FilledManifest());

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void Manifest_Bot_HasAllThreeScopesAndTwelveCommandsAtMostPerList()
    {
        using var manifest = JsonDocument.Parse(FilledManifest());
        var bot = manifest.RootElement.GetProperty("bots")[0];

        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.All(bot.GetProperty("commandLists").EnumerateArray(), list => Assert.InRange(list.GetProperty("commands").GetArrayLength(), 1, 12));
        Assert.Equal("bot.contoso.com", manifest.RootElement.GetProperty("validDomains")[0].GetString());
    }

    [Fact]
    public void Manifest_MessageExtension_SearchesRunbooksAndTheClusterAndUnfurlsTheBotsOwnLinks()
    {
        using var manifest = JsonDocument.Parse(FilledManifest());
        var extension = manifest.RootElement.GetProperty("composeExtensions")[0];

        var commands = extension.GetProperty("commands").EnumerateArray().ToList();
        Assert.Equal([ChatOps.Bot.Teams.MessageExtension.SearchCommand, ChatOps.Bot.Teams.MessageExtension.ClusterCommand], commands.Select(c => c.GetProperty("id").GetString()));
        Assert.All(commands, c => Assert.Equal("query", c.GetProperty("type").GetString()));
        Assert.All(commands, c => Assert.Equal("query", c.GetProperty("parameters")[0].GetProperty("name").GetString()));
        var handler = extension.GetProperty("messageHandlers")[0];
        Assert.Equal("link", handler.GetProperty("type").GetString());
        Assert.Equal("bot.contoso.com", handler.GetProperty("value").GetProperty("domains")[0].GetString());
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void Icon_File_HasTheSizeTeamsRequires(string file, int size, bool transparent)
    {
        var png = File.ReadAllBytes(Path.Combine(Folder, file));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        if (transparent)
        {
            // Colour type 6 (RGBA) or 4 (grey + alpha): the outline icon needs an alpha channel.
            Assert.Contains(png[25], new byte[] { 4, 6 });
        }
    }

    [Fact]
    public async Task Manifest_EveryCommandHint_IsARegisteredCommand()
    {
        await using var host = await ChatOpsHost.StartAsync();
        var catalog = host.Services.GetRequiredService<CommandCatalog>();
        using var manifest = JsonDocument.Parse(FilledManifest());

        var titles = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
            .SelectMany(l => l.GetProperty("commands").EnumerateArray()).Select(c => c.GetProperty("title").GetString()!).Distinct().ToList();

        Assert.All(titles, title => Assert.True(
            catalog.Match(title.Split(' ')).Registration is not null,
            $"'{title}' in manifest.json is not a command the router knows"));
        Assert.Contains("help", titles);
        Assert.Contains("diagnose", titles);
    }

    /// <summary>
    /// Every example a hint gives (after the colon, split at "|", or the bare title) runs in the
    /// default lab and succeeds: an admin gets an answer or, for an action, its confirmation card.
    /// <c>drift</c> compares stored sweeps, so two sweeps run first, as they would have by then.
    /// </summary>
    [Fact]
    public async Task Manifest_EveryCommandHintExample_RunsInTheDefaultLabAndSucceeds()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Access:Admins:0"] = Builders.TeamsUser.Dana.AadObjectId });
        var router = host.Services.GetRequiredService<CommandRouter>();
        var context = new CommandContext(new ChatOps.Commands.Access.Caller(Builders.TeamsUser.Dana.Id, Builders.TeamsUser.Dana.Name, Builders.TeamsUser.Dana.AadObjectId), "19:hints@thread.tacv2", null, "msteams")
        {
            // Where a Teams message comes from, as the bot stores it for later posts.
            Address = """{"channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/teams/","conversation":{"id":"19:hints@thread.tacv2"}}""",
        };
        await router.DispatchAsync("sweep now", context, CancellationToken.None);
        await router.DispatchAsync("sweep now", context, CancellationToken.None);
        using var manifest = JsonDocument.Parse(FilledManifest());

        var examples = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
            .SelectMany(l => l.GetProperty("commands").EnumerateArray())
            .SelectMany(c => Examples(c.GetProperty("title").GetString()!, c.GetProperty("description").GetString()!))
            .Distinct().ToList();
        var failed = new List<string>();
        foreach (var example in examples)
        {
            var reply = await router.DispatchAsync(example, context, CancellationToken.None);
            if (reply.Outcome != ChatOps.Commands.Replies.ReplyOutcome.Ok)
            {
                failed.Add($"'{example}': {string.Join(" ", reply.Blocks.OfType<ChatOps.Commands.Replies.TextBlock>().Select(b => b.Text))}");
            }
        }

        Assert.True(examples.Count >= 20, $"only {examples.Count} examples");
        Assert.True(failed.Count == 0, "Hints in manifest.json that do not work in the default lab:\n" + string.Join('\n', failed));
    }

    /// <summary>A hint's examples: after its last colon when they start with the command, else the command itself.</summary>
    private static IEnumerable<string> Examples(string title, string description)
    {
        var at = description.LastIndexOf(": ", StringComparison.Ordinal);
        var tail = at < 0 ? string.Empty : description[(at + 2)..];
        return tail.StartsWith(title, StringComparison.OrdinalIgnoreCase) ? tail.Split(" | ") : [title];
    }

    private static string FilledManifest() => File.ReadAllText(Path.Combine(Folder, "manifest.json"))
        .Replace("${{TEAMS_APP_ID}}", "2f1b6a1e-8c1d-4d8e-9f3a-5b7c9d1e2f30", StringComparison.Ordinal)
        .Replace("${{BOT_APP_ID}}", "7a3c5e1f-2b4d-4f6a-8c0e-1d3f5a7b9c2e", StringComparison.Ordinal)
        .Replace("${{BOT_DOMAIN}}", "bot.contoso.com", StringComparison.Ordinal)
        .Replace("${{WEBSITE_URL}}", "https://bot.contoso.com/", StringComparison.Ordinal)
        .Replace("${{PRIVACY_URL}}", "https://bot.contoso.com/privacy", StringComparison.Ordinal)
        .Replace("${{TERMS_URL}}", "https://bot.contoso.com/terms", StringComparison.Ordinal);

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChatOps.sln not found above the test output.");
    }
}
