namespace ChatOps.Commands.Actions;

/// <summary>An action waiting for confirmation. It belongs to its requester and is used once.</summary>
public sealed record PendingAction
{
    /// <summary>Random id carried by the card's buttons.</summary>
    public required string Id { get; init; }

    /// <summary>Random secret carried by the card's buttons; a wrong nonce is refused.</summary>
    public required string Nonce { get; init; }

    /// <summary>Action name, e.g. <c>kill clussvc</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The resolved target (never raw user text).</summary>
    public required string Target { get; init; }

    /// <summary>Extra resolved argument (the VM GUID of a stale link), if any.</summary>
    public string? Detail { get; init; }

    /// <summary>The plan's <see cref="ActionPlan.Premises"/> when the preview was shown.</summary>
    public string[] Premises { get; init; } = [];

    /// <summary>Where to post about it later (a serialised conversation reference), or null (terminal chat).</summary>
    public string? Address { get; init; }

    /// <summary>Whether the request said <c>--force</c>.</summary>
    public bool Force { get; init; }

    /// <summary>The requester as a person (<see cref="Access.Caller.PersonId"/>): Entra object id, else channel user id.</summary>
    public required string RequesterId { get; init; }

    /// <summary>Requester's display name.</summary>
    public required string RequesterName { get; init; }

    /// <summary>Requester's channel user id (Teams: <c>29:…</c>), for whom the card refreshes into their own view.</summary>
    public string? RequesterChannelId { get; init; }

    /// <summary>Conversation of the request.</summary>
    public required string ConversationId { get; init; }

    /// <summary>The text typed.</summary>
    public required string CommandText { get; init; }

    /// <summary>When it was requested.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the confirmation window closes.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Whether a second, different admin must approve.</summary>
    public bool NeedsSecondApprover { get; init; }

    /// <summary>Current state.</summary>
    public PendingActionState State { get; init; } = PendingActionState.AwaitingConfirmation;

    /// <summary>Whether it still waits for a decision (a confirmation, or a second admin's approval).</summary>
    public bool IsWaiting => State is PendingActionState.AwaitingConfirmation or PendingActionState.AwaitingApproval;

    /// <summary>
    /// Running: the deadline (UTC) by which its node calls must be made, set when it moved to Running. The
    /// nodes refuse after it, and no other instance writes the action off before it has passed.
    /// </summary>
    public DateTimeOffset? ExecuteBy { get; init; }

    /// <summary>User id of the second approver, once approved.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>The preview the requester was shown, as JSON of its blocks, so every later view can show it again.</summary>
    public string? PreviewJson { get; init; }

    /// <summary>The id of the message that carries its card, once sent: clients that press without saying which card (Web Chat) get it updated.</summary>
    public string? CardMessageId { get; init; }

    /// <summary>Who decided what and when, one line each ("Confirmed by Dana Admin at 19:40:12 UTC").</summary>
    public string[] Decisions { get; init; } = [];

    /// <summary>The tenant it was asked in (Teams), or null where the channel has none; only that tenant may decide it.</summary>
    public string? TenantId { get; init; }

    /// <summary>The copies of its card sent to approvers (the approvals conversation, their personal chats), each updated when anyone decides.</summary>
    public CardCopy[] Copies { get; init; } = [];

    /// <summary>What running it answered (JSON of the reply), so the one whose decision ran it sees the outcome if they press again.</summary>
    public string? ResultJson { get; init; }

    /// <summary>
    /// Whether a button press from this conversation may decide it: the requester's conversation,
    /// and for an approval also any conversation a copy of its card was sent to.
    /// </summary>
    public bool ShownIn(string conversationId, bool approving) =>
        conversationId == ConversationId || (approving && Copies.Any(c => c.ConversationId == conversationId));
}

/// <summary>One message that shows a pending action's card, outside the conversation it was asked in.</summary>
public sealed record CardCopy
{
    /// <summary>The conversation it is in.</summary>
    public required string ConversationId { get; init; }

    /// <summary>Where it is (a serialised conversation reference), to update it later.</summary>
    public required string Address { get; init; }

    /// <summary>The message's id.</summary>
    public required string MessageId { get; init; }
}
