namespace ChatOps.Commands.Access;

/// <summary>Who sent a message, as the channel reports it.</summary>
/// <param name="Id">Channel user id (Teams: <c>from.id</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="AadObjectId">Entra object id, when the channel provides one.</param>
/// <param name="Upn">User principal name, when known.</param>
/// <param name="IsLocalUser">True for the terminal chat, whose user is the machine's operator.</param>
public sealed record Caller(string Id, string Name, string? AadObjectId = null, string? Upn = null, bool IsLocalUser = false)
{
    /// <summary>
    /// The person, whichever channel account they arrive under: their Entra object id when the
    /// channel gives one (one person may have several channel ids), otherwise the channel's id.
    /// Confirmations and the two-person rule compare this, never <see cref="Id"/>.
    /// </summary>
    public string PersonId => !string.IsNullOrWhiteSpace(AadObjectId) ? "aad:" + AadObjectId.Trim().ToLowerInvariant() : "id:" + Id;

    /// <summary>Whether this caller is the person a stored id names (also an id stored before persons were, the bare channel id).</summary>
    public bool Is(string storedPersonId) => storedPersonId == PersonId || storedPersonId == Id;
}
