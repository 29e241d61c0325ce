using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Actions;

/// <summary>Once decided, the preview is history: labelled by its moment, its advice gone, nothing coloured as now.</summary>
public sealed partial class PendingActionFlowTests
{
    private static readonly List<ReplyBlock> DnsPreview =
    [
        new TextBlock("Clearing the cache is harmless: names are looked up again on next use."),
        new TableBlock(["Node", "DNS cache"], [["HV01", new TableCell("stale: web01.contoso.com", CellStatus.Attention)]]),
        new HeadingBlock("Before you do this", 3),
        new ListBlock(["Try a clean shutdown inside the guest first."]),
        new LinksBlock([new ReplyLink("Runbook: DNS", "https://kb/x", "multisite-dns")]),
    ];

    [Fact]
    public async Task Confirmed_TheFoldedPreviewSaysItIsFromBeforeAndShowsNoAdviceAndNoStateAsNow()
    {
        _action.Preview = DnsPreview;
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);

        var reply = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Equal("Before it ran: the preview of 09:00 UTC", reply.DetailsTitle);
        Assert.Equal([typeof(TableBlock), typeof(LinksBlock)], reply.Details.Select(b => b.GetType()));
        Assert.Equal(new TableCell("stale: web01.contoso.com", CellStatus.History), Assert.IsType<TableBlock>(reply.Details[0]).Rows[0][1]);
        Assert.Equal(reply.Details, reply.SharedView!.Details);
    }

    [Fact]
    public async Task Cancelled_TheFoldedPreviewSaysItWasNotRun()
    {
        _action.Preview = DnsPreview;
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);

        var reply = await flow.DecideAsync(CardWire.Cancel, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Equal("The preview of 09:00 UTC (it was not run)", reply.DetailsTitle);
        Assert.DoesNotContain("confirmed", reply.DetailsTitle, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reply.Details, b => b is ListBlock or HeadingBlock or TextBlock);
    }
}
