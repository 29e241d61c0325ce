namespace ChatOps.Commands.Replies;

/// <summary>
/// Asks the requester to confirm a pending action. Renderers show Confirm and Cancel buttons
/// that carry <see cref="PendingId"/> and <see cref="Nonce"/> back; <see cref="Destructive"/>
/// styles them as stopping something.
/// </summary>
public sealed record ConfirmationRequest(string PendingId, string Nonce, string Prompt, DateTimeOffset ExpiresAt, bool Destructive = false);
