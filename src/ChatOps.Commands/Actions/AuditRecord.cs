namespace ChatOps.Commands.Actions;

/// <summary>One decision or result about an action. Records are appended, never changed.</summary>
public sealed record AuditRecord
{
    /// <summary>When it happened.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Channel user id of the person who acted.</summary>
    public required string UserId { get; init; }

    /// <summary>Display name.</summary>
    public required string UserName { get; init; }

    /// <summary>Conversation the request came from.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The text that was typed, or the button that was pressed.</summary>
    public required string CommandText { get; init; }

    /// <summary>Action name, e.g. <c>kill clussvc</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Resolved target (node, VM, link), or empty when none was resolved.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>What was decided.</summary>
    public required AuditDecision Decision { get; init; }

    /// <summary>Human-readable outcome or reason.</summary>
    public string Outcome { get; init; } = string.Empty;

    /// <summary>How long the step took, in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>The pending action this record belongs to, if any.</summary>
    public string? PendingId { get; init; }

    /// <summary>Longest text kept in any one field; what a request supplies beyond it is cut, and marked so.</summary>
    public const int MaxFieldLength = 2000;

    /// <summary>
    /// The record as a store keeps it: every field a request can fill (names, ids, the typed command,
    /// outcomes quoting a node) at most <see cref="MaxFieldLength"/> characters, so no request can
    /// make the append-only log grow by more than a few kilobytes.
    /// </summary>
    public AuditRecord Capped() => this with
    {
        UserId = Cap(UserId),
        UserName = Cap(UserName),
        ConversationId = Cap(ConversationId),
        CommandText = Cap(CommandText),
        Action = Cap(Action),
        Target = Cap(Target),
        Outcome = Cap(Outcome),
        PendingId = PendingId is null ? null : Cap(PendingId),
    };

    private static string Cap(string text)
    {
        if (text.Length <= MaxFieldLength)
        {
            return text;
        }

        var keep = char.IsHighSurrogate(text[MaxFieldLength - 2]) ? MaxFieldLength - 2 : MaxFieldLength - 1;
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
