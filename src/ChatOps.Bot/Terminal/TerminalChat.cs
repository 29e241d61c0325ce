using ChatOps.Commands.Replies;
using Spectre.Console;

namespace ChatOps.Bot.Terminal;

/// <summary>The terminal chat: a REPL (<c>chat</c>) and one-shot questions (<c>ask</c>).</summary>
internal sealed class TerminalChat(TerminalAdapter adapter, IAnsiConsole console)
{
    /// <summary>Reads commands until exit, Ctrl+C or end of input.</summary>
    public async Task<int> RunReplAsync(CancellationToken cancellationToken)
    {
        console.MarkupLine("[bold]ChatOps terminal chat[/] — the same bot as in Teams, with you as the local admin.");
        console.MarkupLine("Type [cyan]help[/] for commands, [cyan]exit[/] or Ctrl+C to leave.");
        var editor = new LineEditor();
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = editor.ReadLine("chatops> ");
            if (line is null || line.Trim() is "exit" or "quit")
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            await adapter.SendAsync(line, cancellationToken);
        }

        return 0;
    }

    /// <summary>Answers one message; exit code 1 when the command failed.</summary>
    public async Task<int> AskAsync(string text, CancellationToken cancellationToken)
    {
        var replies = await adapter.SendAsync(text, cancellationToken);
        return replies.Any(r => r.Outcome == ReplyOutcome.Failed) ? 1 : 0;
    }
}
