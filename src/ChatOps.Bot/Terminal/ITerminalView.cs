using ChatOps.Commands.Replies;

namespace ChatOps.Bot.Terminal;

/// <summary>Where the terminal chat shows replies.</summary>
internal interface ITerminalView
{
    /// <summary>Shows a new reply; a reply with progress shows a spinner until replaced.</summary>
    void Show(Reply reply, string? id = null);

    /// <summary>Replaces the reply shown under <paramref name="id"/> (for example "working…") with the result.</summary>
    void Replace(string id, Reply reply);
}
