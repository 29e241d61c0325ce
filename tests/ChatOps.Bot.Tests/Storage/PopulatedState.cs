using ChatOps.Bot.Storage;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Subscriptions;
using ChatOps.Commands.Sweeps;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>
/// A LiteDB state file with documents in every collection the stores use, written by the real
/// stores as a service that ran a while would have: audit records, pending actions in each state
/// (some expired, some left Running by the process that wrote the file), processed activities
/// finished and unfinished, subscriptions, sweeps and their summary mark, personal chats. Built
/// once per test run; tests copy its bytes.
/// </summary>
internal static class PopulatedState
{
    public const int Each = 24;

    public static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Task<byte[]>> Built = new(BuildAsync);

    private static readonly PendingActionState[] States =
        [PendingActionState.AwaitingConfirmation, PendingActionState.AwaitingApproval, PendingActionState.Running, PendingActionState.Done, PendingActionState.Interrupted];

    public static Task<byte[]> BytesAsync() => Built.Value;

    public static string PendingId(int i) => $"p{i}";

    public static string PersonId(int i) => $"aad:person{i}";

    public static string SweepId(int i) => $"s{i:D3}";

    public static string ActivityKey(int i) => $"19:ops@thread.tacv2|activity{i}";

    private static async Task<byte[]> BuildAsync()
    {
        using var temp = new TempStore();
        string path;
        using (var store = temp.Open())
        {
            path = store.FullPath;
            var none = CancellationToken.None;
            var audit = new LiteDbAuditLog(store);
            var pending = new LiteDbPendingActions(store, TimeProvider.System);
            var chats = new LiteDbPersonalChats(store);
            var subscriptions = new LiteDbSubscriptions(store);
            var sweeps = new LiteDbSweepHistory(store);
            using var processed = new LiteDbProcessedActivities(store, Microsoft.Extensions.Options.Options.Create(temp.Options));
            for (var i = 0; i < Each; i++)
            {
                await audit.AppendAsync(Audit(i), none);
                await pending.AddAsync(Pending(i), none);
                var state = States[i % States.Length];
                if (state != PendingActionState.AwaitingConfirmation)
                {
                    var moved = Pending(i) with { State = state, Decisions = [$"Confirmed by Dana at {Now:HH:mm:ss} UTC"] };
                    _ = state == PendingActionState.Running
                        ? await pending.TryStartAsync(PendingId(i), PendingActionState.AwaitingConfirmation, moved, TimeSpan.FromMinutes(1), none) is not null
                        : await pending.TryTransitionAsync(PendingId(i), PendingActionState.AwaitingConfirmation, moved, none);
                }

                await chats.RememberAsync(new PersonalChat(PersonId(i), $"29:u{i}", $"Person {i}", $"a:chat{i}", $"{{\"conversation\":\"a:chat{i}\"}}", "tenant1", Now.AddMinutes(i)), none);
                await subscriptions.AddAsync(new Subscription($"19:channel{i}@thread.tacv2", i % 2 == 0 ? "summary" : "drift", $"{{\"channel\":{i}}}", "Dana", Now), none);
                await sweeps.AddAsync(Sweep(i), none);
                await processed.TryClaimAsync(ActivityKey(i), Now.AddSeconds(i), null, none);
                if (i % 3 != 0)
                {
                    await processed.FinishAsync(ActivityKey(i), new StoredAnswer(200, $"{{\"statusCode\":200,\"n\":{i}}}"), none);
                }
            }

            await sweeps.MarkSummarizedAsync(SweepId(Each - 1), none);
        }

        return await File.ReadAllBytesAsync(path);
    }

    private static AuditRecord Audit(int i) => new()
    {
        Time = Now.AddSeconds(i),
        UserId = $"29:u{i}",
        UserName = "Dana",
        ConversationId = "19:ops@thread.tacv2",
        CommandText = $"flushdns node{i}",
        Action = "flushdns",
        Target = $"NODE{i}",
        Decision = AuditDecision.Requested,
        DurationMs = i * 1.5,
    };

    private static PendingAction Pending(int i) => new()
    {
        Id = PendingId(i),
        Nonce = $"nonce{i}",
        Action = "kill clussvc",
        Target = $"NODE{i}",
        Premises = ["clussvc is running", "the node is not the owner of a group"],
        Address = $"{{\"conversation\":\"19:ops@thread.tacv2\",\"n\":{i}}}",
        RequesterId = PersonId(i),
        RequesterName = $"Person {i}",
        ConversationId = "19:ops@thread.tacv2",
        CommandText = $"kill clussvc node{i}",
        CreatedAt = Now.AddMinutes(-i),
        // Half of them past their window by the time the tests look.
        ExpiresAt = Now.AddMinutes(i % 2 == 0 ? -1 : 60),
        NeedsSecondApprover = i % 2 == 1,
        TenantId = "tenant1",
        Copies = [new CardCopy { ConversationId = "19:approvals@thread.tacv2", Address = "{\"approvals\":1}", MessageId = $"m{i}" }],
    };

    private static SweepRecord Sweep(int i) => new()
    {
        Id = SweepId(i),
        Time = Now.AddHours(-i),
        Cluster = "CLU1",
        Nodes = [new NodeSweep("N1", new Dictionary<string, string> { ["driver:MPIO"] = $"1.{i}", ["kb:KB500"] = "installed" }), new NodeSweep("N2", new Dictionary<string, string>(), "WinRM refused")],
        Findings = [new SweepFinding("driver-parity", "N1", "Medium", $"MPIO 1.{i} differs", "driver-parity-across-nodes")],
    };
}
