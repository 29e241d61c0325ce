namespace ChatOps.Commands.Replies;

/// <summary>How a paragraph is emphasised.</summary>
public enum TextStyle
{
    /// <summary>Plain text.</summary>
    Default,

    /// <summary>Secondary, smaller text (notes, footers).</summary>
    Subtle,

    /// <summary>Something went well.</summary>
    Good,

    /// <summary>Worth a look.</summary>
    Warning,

    /// <summary>Needs action now.</summary>
    Attention,
}
