using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Turns;

/// <summary>How incoming activities are queued and worked off. Section <c>ChatOps:Turns</c>.</summary>
public sealed class TurnOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Turns";

    /// <summary>
    /// Turns running at once overall (each person's turns in a conversation run one at a time).
    /// Default: twice the processor count, at least 4: more only makes turns fight for the CPU and
    /// slows the HTTP answers (measured with <c>-- http</c>: 16 on 2 cores, HTTP p99 85 ms; 4, 60 ms).
    /// </summary>
    [Range(1, 256, ErrorMessage = "ChatOps:Turns:MaxConcurrentTurns must be 1-256.")]
    public int MaxConcurrentTurns { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>
    /// Messages one person may have waiting in one conversation; past that, Teams is asked to
    /// retry later (503). Their button presses wait apart, as many again, and go first. Default: 50.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "ChatOps:Turns:MaxQueuedPerLane must be 1-10000.")]
    public int MaxQueuedPerLane { get; set; } = 50;

    /// <summary>
    /// Bytes the activities waiting for a turn, or running, may hold in memory in all (twice their bodies: their
    /// text is UTF-16); past that, a message is answered 503 with <c>Retry-After</c>, before it is stored (one
    /// larger than a press could be, before it is even read); button presses are still queued. Default: 32 MB,
    /// some 5,000 ordinary messages. The process's peak is about three times this above its resting size under
    /// a flood of large messages (<c>-- flood</c>: 300 MB with 32 MB, 390 MB with 64 MB).
    /// </summary>
    [Range(1024L * 1024, 4096L * 1024 * 1024, ErrorMessage = "ChatOps:Turns:MaxQueuedBytes must be 1 MB-4 GB.")]
    public long MaxQueuedBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// How long a button press (Action.Execute) waits for its answer before Teams is answered with a
    /// "Running…" card that is updated later. Teams waits a few seconds for an invoke. Default: 2.5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:08", ErrorMessage = "ChatOps:Turns:InvokeAnswerWithin must be 0-8 seconds.")]
    public TimeSpan InvokeAnswerWithin { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How long a stopping service lets queued and running turns finish. Default: 20 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "ChatOps:Turns:DrainTimeout must be 0-5 minutes.")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How old an acknowledged activity left unhandled by a crash or a stop may be and still be handled when
    /// it is taken over; an older one is not run (the person is told so, and it is audited). Default: 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "ChatOps:Turns:ReplayWithin must be 1 minute-1 day.")]
    public TimeSpan ReplayWithin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often each instance looks for activities that an instance which is gone left unhandled. Default: 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "ChatOps:Turns:RecoverEvery must be 1 second-10 minutes.")]
    public TimeSpan RecoverEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claim of an activity id may take before the request is answered 503 (storage unavailable). Default: 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:00:10", ErrorMessage = "ChatOps:Turns:StorageTimeout must be 0.1-10 seconds.")]
    public TimeSpan StorageTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
