using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Lifecycle;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Actions;

/// <summary>The rules of deciding a pending action, row by row: each row breaks if its rule does.</summary>
public sealed class DecisionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly Caller Dana = new("29:dana", "Dana", AadObjectId: "aad-dana");
    private static readonly Caller Kim = new("29:kim", "Kim", AadObjectId: "aad-kim");
    private static readonly Caller Lee = new("29:lee", "Lee", AadObjectId: "aad-lee");
    private static readonly Caller Sam = new("29:sam", "Sam", AadObjectId: "aad-sam");

    public static IEnumerable<object?[]> Rows =>
    [
        // row, state, needs a second admin, who, their role, verb, conversation, tenant, nonce right, seconds after the request, typed, verdict, reason contains
        ["requester confirms", PendingActionState.AwaitingConfirmation, false, "dana", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Run), null],
        ["requester confirms, two-person action", PendingActionState.AwaitingConfirmation, true, "dana", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.AskApproval), null],
        ["requester cancels", PendingActionState.AwaitingConfirmation, false, "dana", Role.Admin, CardWire.Cancel, "19:incident", "t1", true, 10, false, nameof(Verdict.Cancel), null],
        ["requester approves their own", PendingActionState.AwaitingApproval, true, "dana", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Refuse), "two-person rule"],
        ["requester cancels while it waits for approval", PendingActionState.AwaitingApproval, true, "dana", Role.Admin, CardWire.Cancel, "19:incident", "t1", true, 10, false, nameof(Verdict.Cancel), null],
        ["second admin approves", PendingActionState.AwaitingApproval, true, "kim", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Approve), null],
        ["second admin rejects", PendingActionState.AwaitingApproval, true, "kim", Role.Admin, CardWire.Cancel, "19:incident", "t1", true, 10, false, nameof(Verdict.Reject), null],
        ["second admin approves from the approvals channel", PendingActionState.AwaitingApproval, true, "kim", Role.Admin, CardWire.Confirm, "19:approvals", "t1", true, 10, false, nameof(Verdict.Approve), null],
        ["second admin approves by typing, anywhere", PendingActionState.AwaitingApproval, true, "kim", Role.Admin, CardWire.Confirm, "webchat-1", "t1", false, 10, true, nameof(Verdict.Approve), null],
        ["second admin confirms for the requester", PendingActionState.AwaitingConfirmation, true, "kim", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Refuse), "Only Dana"],
        ["reader presses", PendingActionState.AwaitingApproval, true, "sam", Role.Reader, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Refuse), "needs the admin role"],
        ["operator approves", PendingActionState.AwaitingApproval, true, "lee", Role.Operator, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Refuse), "needs the admin role"],
        ["expired", PendingActionState.AwaitingConfirmation, false, "dana", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 601, false, nameof(Verdict.Expire), null],
        ["expired approval", PendingActionState.AwaitingApproval, true, "kim", Role.Admin, CardWire.Confirm, "19:approvals", "t1", true, 601, false, nameof(Verdict.Expire), null],
        ["used", PendingActionState.Done, false, "kim", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Refuse), "already confirmed and used"],
        ["used: the one who ran it presses again", PendingActionState.Done, false, "dana", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.ShowOutcome), null],
        ["used: the one who ran it hits Cancel on the second click", PendingActionState.Done, false, "dana", Role.Admin, CardWire.Cancel, "19:incident", "t1", true, 10, false, nameof(Verdict.ShowOutcome), null],
        ["approved twice by the approver", PendingActionState.Running, true, "kim", Role.Admin, CardWire.Confirm, "19:approvals", "t1", true, 10, false, nameof(Verdict.ShowOutcome), null],
        ["approved twice by a third admin", PendingActionState.Running, true, "lee", Role.Admin, CardWire.Confirm, "19:approvals", "t1", true, 10, false, nameof(Verdict.Refuse), "already confirmed and used"],
        ["wrong conversation", PendingActionState.AwaitingConfirmation, false, "dana", Role.Admin, CardWire.Confirm, "19:elsewhere", "t1", true, 10, false, nameof(Verdict.Refuse), "another conversation"],
        ["approval from a conversation with no copy", PendingActionState.AwaitingApproval, true, "kim", Role.Admin, CardWire.Confirm, "19:elsewhere", "t1", true, 10, false, nameof(Verdict.Refuse), "another conversation"],
        ["wrong tenant", PendingActionState.AwaitingApproval, true, "kim", Role.Admin, CardWire.Confirm, "19:approvals", "t2", true, 10, false, nameof(Verdict.Refuse), "another tenant"],
        ["no tenant for a tenant's action", PendingActionState.AwaitingApproval, true, "kim", Role.Admin, CardWire.Confirm, "webchat-1", null, false, 10, true, nameof(Verdict.Refuse), "another tenant"],
        ["wrong nonce", PendingActionState.AwaitingConfirmation, false, "dana", Role.Admin, CardWire.Confirm, "19:incident", "t1", false, 10, false, nameof(Verdict.Refuse), "wrong nonce"],
        ["unknown verb", PendingActionState.AwaitingConfirmation, false, "dana", Role.Admin, "delete", "19:incident", "t1", true, 10, false, nameof(Verdict.Refuse), "Unknown button"],
        ["cancelled", PendingActionState.Cancelled, false, "dana", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Refuse), "cancelled"],
        ["interrupted", PendingActionState.Interrupted, false, "dana", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Refuse), "interrupted"],
        ["expired, then pressed", PendingActionState.Expired, false, "dana", Role.Admin, CardWire.Confirm, "19:incident", "t1", true, 10, false, nameof(Verdict.Refuse), "expired"],
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Judge(string row, PendingActionState state, bool needsSecond, string who, Role role, string verb, string conversation, string? tenant, bool nonceRight, int secondsLater, bool typed, string verdict, string? reason)
    {
        var stored = new PendingAction
        {
            Id = "p1",
            Nonce = "the-nonce",
            Action = "kill clussvc",
            Target = "HV04",
            RequesterId = Dana.PersonId,
            RequesterName = "Dana",
            ConversationId = "19:incident",
            TenantId = "t1",
            CommandText = "kill clussvc HV04",
            CreatedAt = Now,
            ExpiresAt = Now.AddMinutes(10),
            NeedsSecondApprover = needsSecond,
            State = state,
            ApprovedBy = state is PendingActionState.Running && needsSecond ? Kim.PersonId : null,
            Copies = [new CardCopy { ConversationId = "19:approvals", Address = "a", MessageId = "m" }],
        };
        var caller = who switch { "dana" => Dana, "kim" => Kim, "lee" => Lee, _ => Sam };

        var ruling = DecisionRules.Judge(stored, Role.Admin, new Attempt(verb, nonceRight ? "the-nonce" : typed ? null : "forged", caller, role, conversation, tenant, Now.AddSeconds(secondsLater), typed));

        Assert.True(ruling.Verdict.ToString() == verdict, $"{row}: {ruling.Verdict} ({ruling.Reason}), expected {verdict}");
        if (reason is not null)
        {
            Assert.Contains(reason, ruling.Reason, StringComparison.Ordinal);
        }
    }
}
