using System.Text;

namespace ChatOps.Bot.Terminal;

/// <summary>
/// Reads a line with editing and history (Up/Down, Left/Right, Home/End, Backspace, Delete).
/// Ctrl+C or Ctrl+D on an empty line ends input. Redirected input falls back to plain reads.
/// </summary>
internal sealed class LineEditor
{
    private readonly List<string> _history = [];

    /// <summary>The entered line, or null when the user ends the session.</summary>
    public string? ReadLine(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }

        Console.Write(prompt);
        var line = new StringBuilder();
        var cursor = 0;
        var browsing = _history.Count;
        var previousControlC = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if ((key.Modifiers & ConsoleModifiers.Control) != 0 && key.Key is ConsoleKey.C or ConsoleKey.D)
                {
                    if (key.Key == ConsoleKey.C || line.Length == 0)
                    {
                        Console.WriteLine();
                        return null;
                    }

                    continue;
                }

                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        Console.WriteLine();
                        var text = line.ToString();
                        if (text.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != text))
                        {
                            _history.Add(text);
                        }

                        return text;
                    case ConsoleKey.Backspace when cursor > 0:
                        line.Remove(--cursor, 1);
                        break;
                    case ConsoleKey.Delete when cursor < line.Length:
                        line.Remove(cursor, 1);
                        break;
                    case ConsoleKey.LeftArrow when cursor > 0:
                        cursor--;
                        break;
                    case ConsoleKey.RightArrow when cursor < line.Length:
                        cursor++;
                        break;
                    case ConsoleKey.Home:
                        cursor = 0;
                        break;
                    case ConsoleKey.End:
                        cursor = line.Length;
                        break;
                    case ConsoleKey.UpArrow when browsing > 0:
                        line.Clear().Append(_history[--browsing]);
                        cursor = line.Length;
                        break;
                    case ConsoleKey.DownArrow when browsing < _history.Count:
                        browsing++;
                        line.Clear().Append(browsing < _history.Count ? _history[browsing] : string.Empty);
                        cursor = line.Length;
                        break;
                    default:
                        if (!char.IsControl(key.KeyChar))
                        {
                            line.Insert(cursor++, key.KeyChar);
                        }

                        break;
                }

                Redraw(prompt, line, cursor);
            }
        }
        finally
        {
            Console.TreatControlCAsInput = previousControlC;
        }
    }

    private static void Redraw(string prompt, StringBuilder line, int cursor)
    {
        Console.Write("\r\u001b[2K" + prompt + line);
        var back = line.Length - cursor;
        if (back > 0)
        {
            Console.Write($"\u001b[{back}D");
        }
    }
}
