using Microsoft.Bot.Builder;

namespace ChatOps.Bot.Turns;

/// <summary>Who answers a press: the waiting request (if the turn is quick) or the turn itself, by updating the card.</summary>
internal sealed class InvokeHandshake
{
    private readonly TaskCompletionSource<InvokeResponse> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public Task<InvokeResponse> Answer => _answer.Task;

    /// <summary>The turn's answer, taken by the request if it still waits; false when the request already answered "Running…".</summary>
    public bool TryAnswer(InvokeResponse answer)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            return false;
        }

        _answer.SetResult(answer);
        return true;
    }

    /// <summary>The request stops waiting; false when the answer came first.</summary>
    public bool TryHandOver() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;
}
