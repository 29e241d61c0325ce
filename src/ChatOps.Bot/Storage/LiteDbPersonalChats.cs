using ChatOps.Commands.Actions.Approvals;
using LiteDB;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Personal chats in LiteDB, one document per person. A chat seen later replaces one seen earlier
/// (<see cref="PersonalChat.Since"/>), whichever is written last, so a slow write never brings back an old address.
/// </summary>
internal sealed class LiteDbPersonalChats(LiteDbStore store) : IPersonalChats
{
    public const string Collection = "personal_chats";

    private ILiteCollection<PersonalChatDocument> Chats => store.Database.GetCollection<PersonalChatDocument>(Collection);

    public Task RememberAsync(PersonalChat chat, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            if (Chats.FindById(chat.PersonId) is not { } known || known.Chat.Since <= chat.Since)
            {
                Chats.Upsert(new PersonalChatDocument { Id = chat.PersonId, Chat = chat });
            }
        }

        return Task.CompletedTask;
    }

    public Task<PersonalChat?> FindAsync(string personId, CancellationToken cancellationToken) =>
        Task.FromResult(Chats.FindById(personId)?.Chat);

    /// <summary>Storage shape keyed by the person.</summary>
    internal sealed class PersonalChatDocument
    {
        public string Id { get; set; } = string.Empty;

        public PersonalChat Chat { get; set; } = null!;
    }
}
