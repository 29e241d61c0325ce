using System.Collections.Concurrent;

namespace ChatOps.Bot.Teams;

/// <summary>Remembers whom the bot welcomed, so a redelivered or repeated "members added" greets once.</summary>
internal sealed class WelcomeLedger
{
    private readonly ConcurrentDictionary<(string Conversation, string Member), byte> _welcomed = new();

    /// <summary>True the first time for this member in this conversation.</summary>
    public bool TryClaim(string conversationId, string memberId) => _welcomed.TryAdd((conversationId, memberId), 0);
}
