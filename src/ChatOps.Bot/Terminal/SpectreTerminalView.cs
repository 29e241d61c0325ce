using ChatOps.Bot.Rendering;
using ChatOps.Commands.Replies;
using Spectre.Console;

namespace ChatOps.Bot.Terminal;

/// <summary>
/// Shows replies on the console. A "working…" reply shows a spinner (on an interactive
/// terminal) until the result replaces it.
/// </summary>
internal sealed class SpectreTerminalView(IAnsiConsole console) : ITerminalView, IDisposable
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly Lock _gate = new();
    private CancellationTokenSource? _spinner;
    private Task? _spinning;

    public void Show(Reply reply, string? id = null)
    {
        StopSpinner();
        if (reply.Progress is not null && console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            StartSpinner(reply.Progress);
            return;
        }

        Write(reply);
    }

    public void Replace(string id, Reply reply)
    {
        StopSpinner();
        Write(reply);
    }

    public void Dispose() => StopSpinner();

    private void Write(Reply reply)
    {
        lock (_gate)
        {
            console.Write(TerminalRenderer.Render(reply, console.Profile.Width));
            console.WriteLine();
        }
    }

    private void StartSpinner(string what)
    {
        var cts = new CancellationTokenSource();
        _spinner = cts;
        _spinning = Task.Run(async () =>
        {
            var frame = 0;
            while (!cts.IsCancellationRequested)
            {
                lock (_gate)
                {
                    Console.Write($"\r{Frames[frame++ % Frames.Length]} {what}");
                }

                try
                {
                    await Task.Delay(100, cts.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            lock (_gate)
            {
                Console.Write("\r" + new string(' ', what.Length + 2) + "\r");
            }
        });
    }

    private void StopSpinner()
    {
        if (_spinner is null)
        {
            return;
        }

        _spinner.Cancel();
        _spinning?.Wait();
        _spinner.Dispose();
        _spinner = null;
        _spinning = null;
    }
}
