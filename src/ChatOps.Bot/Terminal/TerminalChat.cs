using ChatOps.Bot.Storage;
using ChatOps.Clusters;
using ChatOps.Commands.Replies;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatOps.Bot.Terminal;

/// <summary>The terminal chat: a REPL (<c>chat</c>) and one-shot questions (<c>ask</c>).</summary>
internal sealed class TerminalChat(TerminalAdapter adapter, IAnsiConsole console, Links links, TerminalState state, IOptions<StorageOptions> storage, IOptions<ClusterOptions> cluster)
{
    /// <summary>Reads commands until exit, Ctrl+C or end of input.</summary>
    public async Task<int> RunReplAsync(CancellationToken cancellationToken)
    {
        console.MarkupLine("[bold]ChatOps terminal chat[/] — the same bot as in Teams, with you as the local admin.");
        console.MarkupLine("Type [cyan]help[/] for commands, [cyan]exit[/] or Ctrl+C to leave.");
        console.MarkupLine($"[grey]{Markup.Escape(state.Describe(storage.Value, cluster.Value))}[/]");
        console.MarkupLine($"[grey]Links point at {Markup.Escape(links.Root.ToString())}; this chat serves no pages. To open them, run the service too ([cyan]dotnet run --project src/ChatOps.Bot -- --urls {Markup.Escape(links.Root.GetLeftPart(UriPartial.Authority))}[/]), or set ChatOps:Links:PublicUrl to where it runs.[/]");
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

            var replies = await adapter.SendAsync(line, cancellationToken);
            await ConfirmAsync(replies, Confirmation.Ask, editor, cancellationToken);
        }

        return 0;
    }

    /// <summary>Answers one message; exit code 1 when the command (or its action) failed.</summary>
    public async Task<int> AskAsync(string text, bool yes, CancellationToken cancellationToken)
    {
        var replies = await adapter.SendAsync(text, cancellationToken);
        var mode = yes ? Confirmation.Yes : Console.IsInputRedirected ? Confirmation.Refuse : Confirmation.Ask;
        var final = await ConfirmAsync(replies, mode, new LineEditor(), cancellationToken);
        return final.Any(r => r.Outcome == ReplyOutcome.Failed) ? 1 : 0;
    }

    /// <summary>Answers a confirmation request with y/N (or as told), until no more are asked.</summary>
    private async Task<IReadOnlyList<Reply>> ConfirmAsync(IReadOnlyList<Reply> replies, Confirmation mode, LineEditor editor, CancellationToken cancellationToken)
    {
        while (replies.LastOrDefault()?.Confirmation is { } request)
        {
            bool confirmed;
            switch (mode)
            {
                case Confirmation.Yes:
                    confirmed = true;
                    break;
                case Confirmation.Refuse:
                    console.MarkupLine("[yellow]Not confirmed: input is not a terminal. Pass --yes to confirm from a script.[/]");
                    confirmed = false;
                    break;
                default:
                    var answer = editor.ReadLine("Confirm? [y/N] ");
                    confirmed = answer?.Trim().ToUpperInvariant() is "Y" or "YES";
                    break;
            }

            var press = new Newtonsoft.Json.Linq.JObject
            {
                [CardWire.VerbKey] = confirmed ? CardWire.Confirm : CardWire.Cancel,
                [CardWire.PendingIdKey] = request.PendingId,
                [CardWire.NonceKey] = request.Nonce,
            };
            var answerReplies = await adapter.SendAsync(string.Empty, cancellationToken, press);
            replies = confirmed ? answerReplies : [.. answerReplies, Reply.Error("Not confirmed.")];
            if (answerReplies.LastOrDefault()?.Confirmation?.PendingId == request.PendingId)
            {
                // Still asking about the same action (it waits for someone else): nothing more to answer here.
                break;
            }
        }

        return replies;
    }

    private enum Confirmation
    {
        Ask,
        Yes,
        Refuse,
    }
}
