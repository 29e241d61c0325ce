namespace ChatOps.Commands.Replies;

/// <summary>
/// A press of one of a pending action's buttons, as the bot read it from the wire (<see cref="CardWire"/>):
/// a decision (<see cref="CardWire.Confirm"/>, <see cref="CardWire.Cancel"/>) or a refresh.
/// </summary>
/// <param name="Verb">The button's verb.</param>
/// <param name="PendingId">The pending action it is about.</param>
/// <param name="Nonce">The nonce it carries (a refresh carries none).</param>
public sealed record Press(string Verb, string PendingId, string? Nonce)
{
    /// <summary>A press whose data is not what the bot's buttons send: refused, never looked up or stored.</summary>
    public static readonly Press Malformed = new(string.Empty, string.Empty, null);

    /// <summary>Whether this is <see cref="Malformed"/>.</summary>
    public bool IsMalformed => ReferenceEquals(this, Malformed);

    /// <summary>Whether this is a card's refresh (a person asking for their view), not a decision.</summary>
    public bool IsRefresh => !IsMalformed && Verb == CardWire.Refresh;
}
