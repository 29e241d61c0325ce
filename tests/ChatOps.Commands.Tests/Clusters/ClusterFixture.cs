using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Commands.Tests.Fakes;
using ChatOps.Commands.Tests.Routing;
using ChatOps.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Commands.Tests.Clusters;

/// <summary>The router with the cluster commands over a fresh default lab (or one the test shapes).</summary>
internal sealed class ClusterFixture
{
    public const string PublicUrl = "https://chatops.contoso.com/";

    private readonly CommandRouter _router;

    public ClusterFixture(TimeSpan? nodeTimeout = null, ILabCluster? lab = null)
    {
        Lab = lab ?? LabClusters.LoadDefault();
        Gateway = LabClusters.CreateGateway(Lab, nodeTimeout);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ChatOps:Links:PublicUrl"] = PublicUrl });
        builder.AddCommands();
        builder.Services.AddSingleton<IAuditLog, MemoryAuditLog>();
        builder.Services.AddSingleton(Gateway);
        builder.Services.AddClusterCommands();
        builder.AddKnowledge();
        _router = builder.Build().Services.GetRequiredService<CommandRouter>();
    }

    public ILabCluster Lab { get; }

    public IClusterGateway Gateway { get; }

    public Task<Reply> AskAsync(string text) => _router.AskAsync(text);

    /// <summary>The runbook links of a reply.</summary>
    public static IReadOnlyList<ReplyLink> Links(Reply reply) => reply.Blocks.OfType<LinksBlock>().SelectMany(l => l.Links).ToList();

    /// <summary>The single table of a reply, as rows of cells keyed by column name.</summary>
    public static IReadOnlyList<Dictionary<string, TableCell>> Table(Reply reply, int index = 0)
    {
        var table = reply.Blocks.OfType<TableBlock>().ElementAt(index);
        return table.Rows.Select(r => table.Columns.Zip(r).ToDictionary(x => x.First, x => x.Second)).ToList();
    }

    /// <summary>A fact's value and status by name.</summary>
    public static Fact Fact(Reply reply, string name) => reply.Blocks.OfType<FactsBlock>().SelectMany(f => f.Facts).Single(f => f.Name == name);

    /// <summary>Everything a person reads: heading, text, facts, tables, lists and links.</summary>
    public static string Text(Reply reply) => string.Join('\n', reply.Blocks.Select(b => b switch
    {
        TextBlock t => t.Text,
        HeadingBlock h => h.Text,
        FactsBlock f => string.Join('\n', f.Facts.Select(x => $"{x.Name}={x.Value}")),
        TableBlock t => string.Join('\n', t.Rows.Select(r => string.Join('|', r.Select(c => c.Text)))),
        ListBlock l => string.Join('\n', l.Items),
        LinksBlock l => string.Join('\n', l.Links.Select(x => $"{x.Title} {x.Url}")),
        _ => string.Empty,
    }).Prepend(reply.Heading ?? string.Empty));
}
