namespace ChatOps.Commands.Replies;

/// <summary>Whether the command did what was asked.</summary>
public enum ReplyOutcome
{
    /// <summary>The command ran and answered.</summary>
    Ok,

    /// <summary>Bad input, a refusal, or a failure: scripts see a non-zero exit code.</summary>
    Failed,
}
