namespace ChatOps.Commands.Access;

/// <summary>Who sent a message, as the channel reports it.</summary>
/// <param name="Id">Channel user id (Teams: <c>from.id</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="AadObjectId">Entra object id, when the channel provides one.</param>
/// <param name="Upn">User principal name, when known.</param>
/// <param name="IsLocalUser">True for the terminal chat, whose user is the machine's operator.</param>
/// <param name="ChannelScopedId">
/// On a channel without Entra identities (Direct Line, the Emulator): <c>&lt;channel&gt;:&lt;from.id&gt;</c>,
/// the form an access entry names such a user by, e.g. <c>directline:dl_4b1e…</c>.
/// </param>
public sealed record Caller(string Id, string Name, string? AadObjectId = null, string? Upn = null, bool IsLocalUser = false, string? ChannelScopedId = null)
{
    /// <summary>The value an admin adds to <c>ChatOps:Access:Admins</c> or <c>Operators</c> to give this caller a role.</summary>
    public string AccessEntry => AadObjectId is { Length: > 0 } aad ? aad : ChannelScopedId ?? Id;

    /// <summary>The sentence that tells this caller exactly what gives them a role.</summary>
    public string HowToGrant(Role role) =>
        $"An admin of this bot can add `{AccessEntry}` to `ChatOps:Access:{(role == Role.Admin ? "Admins" : "Operators")}`.";

    /// <summary>
    /// The person, whichever channel account they arrive under: their Entra object id when the
    /// channel gives one (one person may have several channel ids), otherwise the channel's id.
    /// Confirmations and the two-person rule compare this, never <see cref="Id"/>.
    /// </summary>
    public string PersonId => !string.IsNullOrWhiteSpace(AadObjectId) ? "aad:" + AadObjectId.Trim().ToLowerInvariant() : "id:" + Id;

    /// <summary>The caller a stored person id names (as <see cref="PersonId"/> wrote it), for acting on their behalf.</summary>
    public static Caller ForPerson(string personId, string name, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(personId);
        return personId.StartsWith("aad:", StringComparison.Ordinal)
            ? new Caller(channelId ?? personId, name, AadObjectId: personId[4..])
            : new Caller(personId.StartsWith("id:", StringComparison.Ordinal) ? personId[3..] : personId, name);
    }

    /// <summary>Whether this caller is the person a stored id names (also an id stored before persons were, the bare channel id).</summary>
    public bool Is(string storedPersonId) => storedPersonId == PersonId || storedPersonId == Id;
}
