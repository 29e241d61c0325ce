namespace ChatOps.Commands.Replies;

/// <summary>Status a renderer shows as colour on a table cell or fact.</summary>
public enum CellStatus
{
    /// <summary>No status.</summary>
    None,

    /// <summary>Healthy.</summary>
    Ok,

    /// <summary>Worth a look.</summary>
    Warning,

    /// <summary>Needs action.</summary>
    Attention,
}
