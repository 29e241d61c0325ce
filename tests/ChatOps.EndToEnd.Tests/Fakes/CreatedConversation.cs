using System.Text.Json.Nodes;

namespace ChatOps.EndToEnd.Tests.Fakes;

/// <summary>A conversation the bot created through the connector (Create Conversation).</summary>
/// <param name="MemberId">The one member of a personal chat (<c>29:…</c>); null for a new thread in a channel.</param>
/// <param name="TenantId">The tenant asked for (<c>tenantId</c>, else <c>channelData.tenant.id</c>), if any.</param>
/// <param name="ConversationId">The id the connector answered.</param>
/// <param name="Parameters">The ConversationParameters as sent.</param>
public sealed record CreatedConversation(string? MemberId, string? TenantId, string ConversationId, JsonObject Parameters);
