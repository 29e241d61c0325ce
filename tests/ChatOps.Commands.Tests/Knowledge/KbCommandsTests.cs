using ChatOps.Commands.Actions;
using ChatOps.Commands.Knowledge;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Commands.Tests.Fakes;
using ChatOps.Commands.Tests.Routing;
using ChatOps.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Commands.Tests.Knowledge;

public sealed class KbCommandsTests : IDisposable
{
    private static readonly string RepoKb = RunbookLinter.DefaultFolder() ?? throw new InvalidOperationException("kb/ not found");

    private readonly IHost _host;
    private readonly CommandRouter _router;

    public KbCommandsTests()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatOps:Knowledge:Path"] = RepoKb,
            ["ChatOps:Links:PublicUrl"] = "https://chatops.example.com/",
        });
        builder.AddCommands();
        builder.AddKnowledgeCommands();
        builder.Services.AddSingleton<IAuditLog, MemoryAuditLog>();
        _host = builder.Build();
        _router = _host.Services.GetRequiredService<CommandRouter>();
    }

    [Fact]
    public async Task KbSearch_Apipa_DuplicateIpArticleFirstWithSnippetAndLink()
    {
        var reply = await _router.AskAsync("kb search APIPA");

        Assert.Equal(ReplyOutcome.Ok, reply.Outcome);
        Assert.Equal("1. Duplicate IP or APIPA address in VMs after failover", reply.Blocks.OfType<HeadingBlock>().First().Text);
        Assert.Contains(reply.Blocks.OfType<TextBlock>(), t => t.Text.Contains("**APIPA**", StringComparison.Ordinal));
        Assert.Contains(reply.Blocks.OfType<TextBlock>(), t => t.Text.StartsWith("`kb duplicate-ip-apipa-after-failover`", StringComparison.Ordinal));
        var links = Assert.Single(reply.Blocks.OfType<LinksBlock>()).Links;
        Assert.Equal("https://chatops.example.com/kb/duplicate-ip-apipa-after-failover", links[0].Url);
        Assert.True(links.Count <= 5);
    }

    [Fact]
    public async Task KbSearch_Chinese_QuorumArticleFirst()
    {
        var reply = await _router.AskAsync("kb search 仲裁");

        Assert.StartsWith("1. Quorum", reply.Blocks.OfType<HeadingBlock>().First().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbSearch_NothingMatches_SaysSoAndFails()
    {
        var reply = await _router.AskAsync("kb search xqzvw");

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains("No runbook matches “xqzvw”", reply.Visible(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kb vm-state-desync")]
    [InlineData("kb VM-State-Desync")]
    [InlineData("kb vm state desync")]
    [InlineData("runbook vm-state-desync")]
    public async Task KbArticle_ById_RendersTheSyntaxTreeAsBlocks(string text)
    {
        var reply = await _router.AskAsync(text);

        Assert.Equal("Cluster and Hyper-V disagree on a VM's state", reply.Heading);
        Assert.Equal(["Symptoms", "Cause", "Diagnose", "Fix", "Prevent", "References"], reply.Blocks.OfType<HeadingBlock>().Select(h => h.Text));
        Assert.Contains(reply.Blocks.OfType<ListBlock>(), l => l.Ordered && l.Items[0].StartsWith("In Hyper-V Manager", StringComparison.Ordinal));
        Assert.Contains(reply.Blocks.OfType<ListBlock>(), l => !l.Ordered);
        Assert.Contains(reply.Blocks.OfType<CodeBlock>(), c => c.Code.Contains("Get-ClusterGroup", StringComparison.Ordinal) && c.Language == "powershell");
        var table = Assert.Single(reply.Blocks.OfType<TableBlock>());
        Assert.Equal(["Failover Cluster Manager", "Hyper-V Manager", "Meaning"], table.Columns);
        Assert.Equal(3, table.Rows.Count);
        Assert.Contains(reply.Blocks.OfType<TextBlock>(), t => t.Text.Contains("`vmwp.exe`", StringComparison.Ordinal));
        var links = reply.Blocks.OfType<LinksBlock>().SelectMany(l => l.Links).ToList();
        Assert.Contains(links, l => l.Url == "https://chatops.example.com/kb/kill-clussvc-last-resort" && l.KbId == "kill-clussvc-last-resort");
        Assert.Equal("https://chatops.example.com/kb/vm-state-desync", links[^1].Url);
    }

    [Fact]
    public async Task KbArticle_UnknownId_SuggestsTheClosestId()
    {
        var reply = await _router.AskAsync("kb vm-state-desyn");

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains("There is no runbook `vm-state-desyn`", reply.Visible(), StringComparison.Ordinal);
        Assert.Contains("Did you mean `kb vm-state-desync`?", reply.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kb_WithoutArguments_ShowsTheKbCommands()
    {
        var reply = await _router.AskAsync("kb");

        Assert.Equal(ReplyOutcome.Ok, reply.Outcome);
        Assert.Contains("kb search <words>", reply.Visible(), StringComparison.Ordinal);
        Assert.Contains("kb list [tag]", reply.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbList_Severity_ListsOnlyThatSeverity()
    {
        var reply = await _router.AskAsync("kb list critical");

        var table = Assert.Single(reply.Blocks.OfType<TableBlock>());
        Assert.NotEmpty(table.Rows);
        Assert.All(table.Rows, r => Assert.Equal("critical", r[1].Text));
    }

    [Fact]
    public async Task KbList_UnknownTag_SuggestsACloseTag()
    {
        var reply = await _router.AskAsync("kb list critcal");

        Assert.Equal(ReplyOutcome.Failed, reply.Outcome);
        Assert.Contains("`kb list critical`", reply.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public void ArticleReply_SmallBudget_CutsAtABlockAndLinksTheFullArticle()
    {
        var knowledge = _host.Services.GetRequiredService<IKnowledgeBase>();
        var links = _host.Services.GetRequiredService<Links>();

        var reply = new ArticleReply(links).Build(knowledge.Get("vm-state-desync")!, budget: 3000);

        Assert.DoesNotContain(reply.Blocks.OfType<HeadingBlock>(), h => h.Text == "References");
        Assert.Contains(reply.Blocks.OfType<TextBlock>(), t => t.Style == TextStyle.Warning && t.Text.Contains("References", StringComparison.Ordinal));
        Assert.Equal("https://chatops.example.com/kb/vm-state-desync", Assert.IsType<LinksBlock>(reply.Blocks[^1]).Links.Single().Url);
    }

    [Fact]
    public void ArticleReply_EveryRepositoryArticle_FitsWithoutCutting()
    {
        var knowledge = _host.Services.GetRequiredService<IKnowledgeBase>();
        var links = _host.Services.GetRequiredService<Links>();

        foreach (var runbook in knowledge.List())
        {
            var reply = new ArticleReply(links).Build(runbook);
            Assert.DoesNotContain(reply.Blocks.OfType<TextBlock>(), t => t.Style == TextStyle.Warning);
        }
    }

    public void Dispose() => _host.Dispose();
}
