namespace ChatOps.Commands.Replies;

/// <summary>What a table cell or fact says about the thing it shows; every renderer shows it through <see cref="StatusLook"/>.</summary>
public enum CellStatus
{
    /// <summary>No status: a plain value.</summary>
    None,

    /// <summary>Good, and only what is good: up, online, matching, kept with a margin.</summary>
    Ok,

    /// <summary>Worth a look: a crash that restarts, zero margin left, a VM left off.</summary>
    Warning,

    /// <summary>Needs action: failed, down, stays down, lost.</summary>
    Attention,

    /// <summary>Could not be read: neither good nor bad, and never shown as either.</summary>
    Unknown,

    /// <summary>What was true before something happened (a preview after its action ran): shown, never coloured as now.</summary>
    History,
}
