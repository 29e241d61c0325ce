namespace ChatOps.Commands.Replies;

/// <summary>
/// A channel-neutral answer: data, never markup. Renderers turn it into an Adaptive Card
/// (Teams) or terminal output.
/// </summary>
public sealed record Reply
{
    /// <summary>Short title shown above the blocks; optional.</summary>
    public string? Heading { get; init; }

    /// <summary>The body, rendered in order.</summary>
    public IReadOnlyList<ReplyBlock> Blocks { get; init; } = [];

    /// <summary>Buttons under the body (for example "show article").</summary>
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>Set when the reply asks the requester to confirm an action.</summary>
    public ConfirmationRequest? Confirmation { get; init; }

    /// <summary>
    /// Blocks shown folded away under <see cref="DetailsTitle"/> (a decided action's preview, as history).
    /// Renderers that cannot fold leave them out: what they hold was shown when it was asked, or the
    /// reply offers a button for it.
    /// </summary>
    public IReadOnlyList<ReplyBlock> Details { get; init; } = [];

    /// <summary>The label that unfolds <see cref="Details"/>.</summary>
    public string DetailsTitle { get; init; } = "Show the preview";

    /// <summary>
    /// Set on a card that shows each person their own view of a pending action (Teams' Universal
    /// Actions refresh): each client asks for its view with the pending id.
    /// </summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>
    /// What everyone in the conversation sees in place of the card a button was pressed on, when
    /// the press changed the pending action (Teams shows the answer to a press only to the presser).
    /// On a new confirmation in a shared conversation: the card everyone sees before their own view.
    /// </summary>
    public Reply? SharedView { get; init; }

    /// <summary>Set while work is still running: what the bot is doing ("Probing 6 nodes…").</summary>
    public string? Progress { get; init; }

    /// <summary>Outcome of the command; <see cref="ReplyOutcome.Failed"/> makes <c>ask</c> exit non-zero.</summary>
    public ReplyOutcome Outcome { get; init; } = ReplyOutcome.Ok;

    /// <summary>A reply that is only text.</summary>
    public static Reply Text(string text, string? heading = null) =>
        new() { Heading = heading, Blocks = [new TextBlock(text)] };

    /// <summary>A "working…" placeholder that is later replaced by the result.</summary>
    public static Reply Working(string what) => new() { Progress = what };

    /// <summary>A failure answer: what was wrong and, optionally, what would work.</summary>
    public static Reply Error(string problem, string? hint = null)
    {
        var blocks = new List<ReplyBlock> { new TextBlock(problem, TextStyle.Attention) };
        if (hint is not null)
        {
            blocks.Add(new TextBlock(hint));
        }

        return new Reply { Blocks = blocks, Outcome = ReplyOutcome.Failed };
    }
}
