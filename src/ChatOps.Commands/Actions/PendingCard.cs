namespace ChatOps.Commands.Actions;

/// <summary>What the chat channel needs to know of a pending action's card.</summary>
/// <param name="What">What it does ("kill clussvc HV04").</param>
/// <param name="IsWaiting">Whether it still waits for a decision (a card showing it as pending is still true).</param>
/// <param name="CardMessageId">The message that carries its card in the conversation it was asked in, once sent.</param>
public sealed record PendingCard(string What, bool IsWaiting, string? CardMessageId);
