namespace ChatOps.Commands.Actions.Approvals;

/// <summary>Stored personal chats with the bot, one per person (the latest wins).</summary>
public interface IPersonalChats
{
    /// <summary>
    /// Stores or refreshes the person's personal chat; one stored with a later <see cref="PersonalChat.Since"/>
    /// is kept, so a write that arrives late never brings back an older address.
    /// </summary>
    Task RememberAsync(PersonalChat chat, CancellationToken cancellationToken);

    /// <summary>The person's personal chat, or null.</summary>
    Task<PersonalChat?> FindAsync(string personId, CancellationToken cancellationToken);
}
