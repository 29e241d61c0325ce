using System.Text.Json;
using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Actions.Lifecycle;

/// <summary>
/// How one person sees a pending action: the requester gets Confirm and Cancel; once confirmed, a
/// different admin gets Approve and Reject and the requester Cancel; everyone else what is pending,
/// for whom and until when, without buttons; and after the decision, everyone the outcome.
/// </summary>
internal static class PendingViews
{
    /// <summary>The view of a stored action for a viewer (null: anyone, the card everyone sees).</summary>
    public static Reply For(ISafeAction action, PendingAction stored, Caller? viewer, Role role, DateTimeOffset now)
    {
        var requester = viewer is not null && viewer.Is(stored.RequesterId);
        return View(action, stored, requester, admin: viewer is not null && !requester && role >= Role.Admin, now);
    }

    /// <summary>The view of an admin who may approve it (sent to the approvers' personal chats).</summary>
    public static Reply ForApprover(ISafeAction action, PendingAction stored, DateTimeOffset now) => View(action, stored, requester: false, admin: true, now);

    private static Reply View(ISafeAction action, PendingAction stored, bool requester, bool admin, DateTimeOffset now)
    {
        var question = action.Describe(stored.Target, stored.Detail);
        var preview = PreviewOf(stored);
        var expires = $"{stored.ExpiresAt:HH:mm:ss} UTC";
        if (!stored.IsWaiting || now > stored.ExpiresAt)
        {
            var settled = stored.IsWaiting ? "expired" : stored.State.ToString().ToLowerInvariant();
            return WithHindsight(
                new Reply
                {
                    Heading = $"{question}: {settled}",
                    Blocks = stored.Decisions.Length == 0 ? [new TextBlock($"Requested by {stored.RequesterName}; nothing was decided before it {settled}.", TextStyle.Subtle)] : [new TextBlock(string.Join(' ', stored.Decisions), TextStyle.Subtle)],
                },
                stored);
        }

        var refresh = new CardRefresh(stored.Id, stored.RequesterChannelId is { } id ? [id] : [], ForAdmins: stored.State == PendingActionState.AwaitingApproval);
        if (stored.State == PendingActionState.AwaitingConfirmation)
        {
            if (requester)
            {
                var prompt = $"Only {stored.RequesterName} can confirm, within {Minutes(stored.ExpiresAt - now)}." +
                    (stored.NeedsSecondApprover ? " After that, a second admin must approve." : string.Empty);
                return new Reply { Heading = question + "?", Blocks = preview, Confirmation = new ConfirmationRequest(stored.Id, stored.Nonce, prompt, stored.ExpiresAt, action.IsDestructive), Refresh = refresh };
            }

            return new Reply
            {
                Heading = question + "?",
                Blocks = [new TextBlock($"Requested by {stored.RequesterName}, who alone can confirm it, until {expires}.", TextStyle.Subtle)],
                Details = preview,
                Refresh = refresh,
            };
        }

        var confirmed = string.Join(' ', stored.Decisions);
        if (admin)
        {
            return new Reply
            {
                Heading = question + "?",
                Blocks = [new TextBlock($"{confirmed} A second admin must approve before it runs, until {expires}."), .. preview],
                Confirmation = new ConfirmationRequest(stored.Id, stored.Nonce, $"Approve only if it should run now; Reject cancels it. Or type `approve {stored.Id}` / `reject {stored.Id}`.", stored.ExpiresAt, action.IsDestructive, "Approve", "Reject"),
                Refresh = refresh,
            };
        }

        return new Reply
        {
            Heading = question + ": waiting for a second admin",
            Blocks = [new TextBlock($"{confirmed} Another admin must approve before it runs, until {expires}.")],
            Details = preview,
            Confirmation = requester ? new ConfirmationRequest(stored.Id, stored.Nonce, "You can still cancel it.", stored.ExpiresAt, action.IsDestructive, ConfirmTitle: null) : null,
            Refresh = refresh,
        };
    }

    /// <summary>A view for the person and, as <see cref="Reply.SharedView"/>, the card everyone sees.</summary>
    public static Reply WithShared(ISafeAction action, PendingAction stored, Caller viewer, Role role, DateTimeOffset now) =>
        For(action, stored, viewer, role, now) with { SharedView = For(action, stored, null, Role.Reader, now) };

    /// <summary>A decision's answer, which everyone sees in place of the card: who decided and when, and the preview folded away.</summary>
    public static Reply Settled(Reply reply, PendingAction decided)
    {
        var shown = WithHindsight(reply with { Blocks = [.. reply.Blocks, new TextBlock(string.Join(' ', decided.Decisions), TextStyle.Subtle)] }, decided);
        return shown with { SharedView = shown };
    }

    /// <summary>
    /// The reply with the preview folded under it as history: what was true when it was asked, its
    /// facts, tables and runbook links only (its prose and the advice of "before you do this" are gone
    /// once it is decided), every
    /// status shown as history, never as the state now; the title says which moment it was.
    /// </summary>
    public static Reply WithHindsight(Reply reply, PendingAction decided)
    {
        var history = PreviewOf(decided).Select(AsHistory).OfType<ReplyBlock>().ToList();
        var ran = decided.State is PendingActionState.Running or PendingActionState.Done or PendingActionState.Interrupted;
        var title = ran ? $"Before it ran: the preview of {decided.CreatedAt:HH:mm} UTC" : $"The preview of {decided.CreatedAt:HH:mm} UTC (it was not run)";
        return reply with { Details = history, DetailsTitle = title };
    }

    private static ReplyBlock? AsHistory(ReplyBlock block) => block switch
    {
        FactsBlock f => new FactsBlock([.. f.Facts.Select(x => x with { Status = Past(x.Status) })]),
        TableBlock t => t with { Rows = [.. t.Rows.Select(row => (IReadOnlyList<TableCell>)[.. row.Select(c => c with { Status = Past(c.Status) })])] },
        LinksBlock links => links,
        _ => null,
    };

    private static CellStatus Past(CellStatus status) => status == CellStatus.None ? CellStatus.None : CellStatus.History;

    /// <summary>The preview the requester was shown; empty when none was stored (or it no longer reads).</summary>
    public static IReadOnlyList<ReplyBlock> PreviewOf(PendingAction stored) => Read<List<ReplyBlock>>(stored.PreviewJson) ?? [];

    /// <summary>What running it answered, as stored; null when nothing was stored (or it no longer reads).</summary>
    public static Reply? ResultOf(PendingAction stored) => Read<Reply>(stored.ResultJson);

    /// <summary>A reply as stored with an action (its shared view left out: it is shown as it is).</summary>
    public static string Store(Reply reply) => JsonSerializer.Serialize(reply with { SharedView = null });

    private static T? Read<T>(string? json)
        where T : class
    {
        try
        {
            return json is null ? null : JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0} s";
}
