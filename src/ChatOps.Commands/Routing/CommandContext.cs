using ChatOps.Commands.Access;

namespace ChatOps.Commands.Routing;

/// <summary>Where a message came from.</summary>
/// <param name="Caller">The sender.</param>
/// <param name="ConversationId">Channel conversation id.</param>
/// <param name="ActivityId">Id of the incoming activity, for audit and de-duplication.</param>
/// <param name="ChannelId">Channel name: <c>msteams</c>, <c>emulator</c>, <c>terminal</c>, ...</param>
public sealed record CommandContext(Caller Caller, string ConversationId, string? ActivityId, string ChannelId)
{
    /// <summary>
    /// Opaque, channel-specific address of the conversation (a serialised Bot Framework
    /// conversation reference), kept by subscriptions to post there later. Null where the channel has none.
    /// </summary>
    public string? Address { get; init; }

    /// <summary>The tenant the message came from (Teams), or null where the channel has none.</summary>
    public string? TenantId { get; init; }

    /// <summary>The caller's role, resolved by the router before the handler runs.</summary>
    public Role Role { get; init; }
}
