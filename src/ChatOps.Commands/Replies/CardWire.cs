namespace ChatOps.Commands.Replies;

/// <summary>
/// The wire contract of a card's buttons, the one place its keys and verbs are spelled: every
/// renderer writes a button's data with these, and the bot reads a press with them. A decision's
/// data is <c>{ verb, pendingId, nonce }</c>; a refresh's <c>{ verb: "refresh", pendingId }</c>; a
/// follow-up command's <c>{ command }</c>.
/// </summary>
public static class CardWire
{
    /// <summary>Key of the verb (Teams also carries it as the <c>Action.Execute</c> verb).</summary>
    public const string VerbKey = "verb";

    /// <summary>Key of an <c>Action.Execute</c> invoke's button data (<c>value.action.data</c>).</summary>
    public const string DataKey = "data";

    /// <summary>Key of the pending action's id.</summary>
    public const string PendingIdKey = "pendingId";

    /// <summary>Key of the pending action's nonce.</summary>
    public const string NonceKey = "nonce";

    /// <summary>Key of a follow-up button's command, for clients that post a button's data instead of its text.</summary>
    public const string CommandKey = "command";

    /// <summary>The requester's Confirm, or a second admin's Approve.</summary>
    public const string Confirm = "confirm";

    /// <summary>Cancel, or a second admin's Reject.</summary>
    public const string Cancel = "cancel";

    /// <summary>A card's refresh: a person asking for their own view of a pending action.</summary>
    public const string Refresh = "refresh";

    /// <summary>Longest verb, pending-action id or nonce a press may carry: the bot's own are 32 to 40 characters.</summary>
    public const int MaxFieldLength = 64;
}
