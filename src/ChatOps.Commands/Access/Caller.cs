namespace ChatOps.Commands.Access;

/// <summary>Who sent a message, as the channel reports it.</summary>
/// <param name="Id">Channel user id (Teams: <c>from.id</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="AadObjectId">Entra object id, when the channel provides one.</param>
/// <param name="Upn">User principal name, when known.</param>
/// <param name="IsLocalUser">True for the terminal chat, whose user is the machine's operator.</param>
public sealed record Caller(string Id, string Name, string? AadObjectId = null, string? Upn = null, bool IsLocalUser = false);
