using ChatOps.Bot.Rendering;
using ChatOps.Commands;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Knowledge;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Bot.Tests.Knowledge;

public sealed class ArticleCardTests
{
    private static readonly string RepoKb = RunbookLinter.DefaultFolder() ?? throw new InvalidOperationException("kb/ not found");

    private static readonly AdaptiveCardRenderer Renderer = new();

    [Fact]
    public async Task KbArticle_EveryRepositoryRunbook_RendersUnderTheCardLimitWithTheFullArticleLink()
    {
        using var host = Build(RepoKb);
        var router = host.Services.GetRequiredService<CommandRouter>();

        foreach (var runbook in host.Services.GetRequiredService<IKnowledgeBase>().List())
        {
            var card = Renderer.Render(await router.DispatchAsync($"kb {runbook.Id}", Context(), CancellationToken.None));

            // As sent: compact JSON.
            Assert.True(AdaptiveCardRenderer.Size(card) < AdaptiveCardRenderer.MaxCardBytes, $"{runbook.Id}: {AdaptiveCardRenderer.Size(card)} bytes");
            Assert.Contains($"kb/{runbook.Id}", card.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KbArticle_VeryLongArticle_CutBetweenBlocksAndLinksTheFullPage()
    {
        var folder = Directory.CreateTempSubdirectory("kb-long-").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(RepoKb, "host-isolation.md"))
                .Replace("related: [", "related: [host-isolation, ", StringComparison.Ordinal);
            var filler = string.Concat(Enumerable.Range(1, 400).Select(i => $"Step detail {i}: " + new string('x', 120) + "\n\n"));
            text = text.Replace("## Fix\n", "## Fix\n\n" + filler, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "host-isolation.md"), System.Text.RegularExpressions.Regex.Replace(text, @"related: \[[^\]]*\]", "related: []"));
            using var host = Build(folder);
            var router = host.Services.GetRequiredService<CommandRouter>();

            var rendered = Renderer.Render(await router.DispatchAsync("kb host-isolation", Context(), CancellationToken.None));
            var card = rendered.ToString();

            Assert.True(AdaptiveCardRenderer.Size(rendered) < AdaptiveCardRenderer.MaxCardBytes);
            Assert.Contains("cut here", card, StringComparison.Ordinal);
            Assert.Contains("Fix, Prevent, References", card, StringComparison.Ordinal);
            Assert.Contains("http://localhost:3978/kb/host-isolation", card, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static CommandContext Context() => new(new ChatOps.Commands.Access.Caller("29:u", "Pat", "u"), "conv", "act", "msteams");

    private static IHost Build(string folder)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ChatOps:Knowledge:Path"] = folder });
        builder.AddCommands();
        builder.AddKnowledgeCommands();
        builder.Services.AddSingleton<IAuditLog, NoAudit>();
        return builder.Build();
    }

    private sealed class NoAudit : IAuditLog
    {
        public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<AuditRecord>> LatestAsync(int count, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AuditRecord>>([]);

        public IAsyncEnumerable<AuditRecord> AllAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<AuditRecord>();
    }
}
