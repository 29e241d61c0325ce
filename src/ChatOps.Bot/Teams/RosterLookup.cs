using System.Collections.Concurrent;
using ChatOps.Commands.Access;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>
/// The sender's UPN, which a Teams activity does not carry: asked of the Teams roster
/// (<see cref="TeamsInfo.GetMemberAsync"/>) only when an access entry names someone by UPN, and
/// remembered for an hour. A roster that fails or takes longer than <see cref="Timeout"/> gives
/// no UPN (so no UPN-based role), is logged, and is not asked again for a minute.
/// </summary>
internal sealed partial class RosterLookup(IOptionsMonitor<AccessOptions> access, TimeProvider time, ILogger<RosterLookup> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RememberFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan RememberFailure = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 10_000;

    /// <summary>What the roster said of a member, by tenant and the id asked for; null when it did not say.</summary>
    private readonly ConcurrentDictionary<string, (TeamsChannelAccount? Member, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<string?> UpnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var from = turn.Activity.From;
        if (from?.Id is not { Length: > 0 } id || !NamesAnyUpn(access.CurrentValue))
        {
            return null;
        }

        var member = await AskAsync(turn, id, cancellationToken);
        return string.IsNullOrWhiteSpace(member?.UserPrincipalName) ? null : member.UserPrincipalName.Trim();
    }

    /// <summary>
    /// The channel user ids (Teams: <c>29:…</c>) of the people access entries name (object ids or
    /// UPNs, which the roster accepts as member ids), for a card's refresh list; an entry the roster
    /// does not answer for within <see cref="Timeout"/> is left out.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChannelIdsAsync(ITurnContext turn, IEnumerable<string> entries, CancellationToken cancellationToken) =>
        (await MembersAsync(turn, entries, cancellationToken)).Select(m => m.Member.Id).ToList();

    /// <summary>
    /// The conversation's members that access entries name (object ids or UPNs, which the roster
    /// accepts as member ids), with the entry that named each; an entry the roster does not answer
    /// for within <see cref="Timeout"/> is left out.
    /// </summary>
    public async Task<IReadOnlyList<(string Entry, TeamsChannelAccount Member)>> MembersAsync(ITurnContext turn, IEnumerable<string> entries, CancellationToken cancellationToken)
    {
        // Asked together, so a slow roster costs one timeout, not one per admin.
        var wanted = entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Take(Commands.Replies.CardRefresh.MaxUserIds).ToList();
        var members = await Task.WhenAll(wanted.Select(entry => AskAsync(turn, entry, cancellationToken)));
        return wanted.Zip(members).Where(p => !string.IsNullOrEmpty(p.Second?.Id)).Select(p => (p.First, p.Second!)).ToList();
    }

    /// <summary>One roster look-up: remembered, bounded by <see cref="Timeout"/>, and on failure logged and remembered briefly.</summary>
    private async Task<TeamsChannelAccount?> AskAsync(ITurnContext turn, string memberId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = $"{turn.Activity.Conversation?.TenantId}|{turn.Activity.Conversation?.Id}|{memberId}";
        if (_known.TryGetValue(key, out var known) && known.Until > now)
        {
            return known.Member;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Timeout);
        try
        {
            var member = await TeamsInfo.GetMemberAsync(turn, memberId, budget.Token).WaitAsync(budget.Token);
            Remember(key, member, now + RememberFor);
            return member;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogRosterFailed(ex, memberId, Timeout.TotalSeconds);
            Remember(key, null, now + RememberFailure);
            return null;
        }
    }

    private void Remember(string key, TeamsChannelAccount? member, DateTimeOffset until)
    {
        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }

        _known[key] = (member, until);
    }

    private static bool NamesAnyUpn(AccessOptions options) =>
        options.Admins.Concat(options.Operators).Any(entry => entry?.Contains('@', StringComparison.Ordinal) == true);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the Teams roster entry of {User} within {Seconds} s; going on without it (no role by UPN, no refresh for that admin)")]
    private partial void LogRosterFailed(Exception exception, string user, double seconds);
}
