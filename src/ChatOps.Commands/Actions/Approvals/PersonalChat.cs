namespace ChatOps.Commands.Actions.Approvals;

/// <summary>
/// A person's one-to-one chat with the bot, remembered when they write to it there (or install it
/// for themselves), so an approval request can reach them later with proactive messaging.
/// </summary>
/// <param name="PersonId">The person (<see cref="Access.Caller.PersonId"/>): <c>aad:&lt;object id&gt;</c>, else <c>id:&lt;channel id&gt;</c>.</param>
/// <param name="ChannelUserId">Their channel user id (Teams: <c>29:…</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="ConversationId">The personal conversation's id.</param>
/// <param name="Address">Where to post (a serialised conversation reference).</param>
/// <param name="TenantId">Their tenant, when the channel has one.</param>
/// <param name="Since">When it was last seen.</param>
public sealed record PersonalChat(string PersonId, string ChannelUserId, string Name, string ConversationId, string Address, string? TenantId, DateTimeOffset Since);
