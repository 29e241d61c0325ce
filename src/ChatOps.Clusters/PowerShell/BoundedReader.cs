using System.Text;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Reads a process stream to its end, keeping at most a given number of characters; signals when the limit is passed.</summary>
internal sealed class BoundedReader(StreamReader reader, int limit, CancellationTokenSource overflow)
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public async Task ReadAsync()
    {
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0)
        {
            if (_text.Length + read > limit)
            {
                await overflow.CancelAsync();
                return;
            }

            _text.Append(buffer, 0, read);
        }
    }
}
