namespace ChatOps.Commands.Replies;

/// <summary>
/// Asks the requester to confirm a pending action. Renderers show Confirm and Cancel buttons
/// that carry <see cref="PendingId"/> and <see cref="Nonce"/> back; <see cref="Destructive"/>
/// styles them as stopping something.
/// </summary>
/// <param name="PendingId">The pending action the buttons decide.</param>
/// <param name="Nonce">The secret the buttons carry back.</param>
/// <param name="Prompt">What the person is asked.</param>
/// <param name="ExpiresAt">When the buttons stop working.</param>
/// <param name="Destructive">Whether confirming stops something that runs.</param>
/// <param name="ConfirmTitle">The Confirm button's label ("Approve" for a second admin); null shows no Confirm button.</param>
/// <param name="CancelTitle">The Cancel button's label ("Reject" for a second admin).</param>
public sealed record ConfirmationRequest(string PendingId, string Nonce, string Prompt, DateTimeOffset ExpiresAt, bool Destructive = false, string? ConfirmTitle = "Confirm", string CancelTitle = "Cancel");

/// <summary>
/// A card that refreshes into a per-person view of pending action <paramref name="PendingId"/>,
/// automatically for <paramref name="UserIds"/> (channel user ids, at most 60) and, with
/// <paramref name="ForAdmins"/>, for the admins who may approve it.
/// </summary>
public sealed record CardRefresh(string PendingId, IReadOnlyList<string> UserIds, bool ForAdmins = false)
{
    /// <summary>Teams refreshes automatically for at most this many listed users.</summary>
    public const int MaxUserIds = 60;
}
