using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.EndToEnd.Tests.Fakes;

/// <summary>
/// A conversation's roster: one member (<c>GET /v3/conversations/{id}/members/{memberId}</c>), the whole roster
/// (<c>GET /v3/conversations/{id}/members</c>, an array of accounts) and a page at a
/// time (<c>GET /v3/conversations/{id}/pagedmembers?pageSize=&amp;continuationToken=</c>, what
/// <c>TeamsInfo.GetPagedMembersAsync</c> calls; <c>{ continuationToken, members }</c>, with no token on the last page):
/// https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#get-conversation-paged-members
/// and https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/get-teams-context ("Fetch the roster or
/// user profile": a page size under 50 is taken as 50, over 500 as 500). That page also says chats are never paged;
/// the fake pages every roster, which reads the same for any chat up to the smallest page (50 members). The whole-roster
/// call is deprecated for teams (https://learn.microsoft.com/en-us/microsoftteams/platform/resources/team-chat-member-api-changes)
/// but still answers. All three count as roster reads and obey <see cref="RosterDelay"/> and <see cref="RosterFails"/>.
/// </summary>
public sealed partial class FakeBotConnector
{
    /// <summary>Teams' page size when none is asked for (get-teams-context).</summary>
    private const int DefaultPageSize = 200;

    /// <summary>
    /// Each conversation's members, as the roster calls return them (objects with <c>id</c>, <c>name</c>, <c>aadObjectId</c>,
    /// <c>userPrincipalName</c>…). A conversation with none set answers with every entry of <see cref="Members"/>.
    /// </summary>
    public ConcurrentDictionary<string, IReadOnlyList<object>> Rosters { get; } = new();

    private void MapRosters(WebApplication app)
    {
        // Teams' roster entry of one member (TeamsInfo.GetMemberAsync): id, name, aadObjectId, userPrincipalName.
        app.MapGet("/v3/conversations/{conversationId}/members/{memberId}", async (string memberId) =>
            await ReadRosterAsync()
            ?? (Members.TryGetValue(memberId, out var member) ? Results.Ok(member)
                : Results.Ok(new { id = memberId, name = "New Member", aadObjectId = "99999999-0000-0000-0000-000000000001", userPrincipalName = "new.member@contoso.com" })));
        app.MapGet("/v3/conversations/{conversationId}/members", async (string conversationId) =>
            await ReadRosterAsync() ?? Results.Json(RosterOf(conversationId)));
        app.MapGet("/v3/conversations/{conversationId}/pagedmembers", async (string conversationId, int? pageSize, string? continuationToken) =>
            await ReadRosterAsync() ?? Page(RosterOf(conversationId), pageSize, continuationToken));
    }

    /// <summary>Counts the read and waits as configured; a 500 when rosters are set to fail, else null.</summary>
    private async Task<IResult?> ReadRosterAsync()
    {
        Interlocked.Increment(ref _rosterReads);
        await Task.Delay(RosterDelay);
        return RosterFails ? Results.StatusCode(StatusCodes.Status500InternalServerError) : null;
    }

    private IReadOnlyList<object> RosterOf(string conversationId) =>
        Rosters.TryGetValue(conversationId, out var roster) ? roster : Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value).ToList();

    private static IResult Page(IReadOnlyList<object> roster, int? pageSize, string? continuationToken)
    {
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 50, 500);
        var from = 0;
        if (continuationToken is not null && !TryReadToken(continuationToken, out from))
        {
            return BadArgument("The continuation token is not one this connector gave.");
        }

        var members = roster.Skip(from).Take(size).ToList();
        return from + members.Count < roster.Count
            ? Results.Json(new { continuationToken = Token(from + members.Count), members })
            : Results.Json(new { members });
    }

    /// <summary>Opaque to the bot, as Teams' tokens are: the position of the next page.</summary>
    private static string Token(int from) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"fake-roster:{from}"));

    private static bool TryReadToken(string token, out int from)
    {
        from = 0;
        var bytes = new byte[token.Length];
        return Convert.TryFromBase64String(token, bytes, out var length)
            && Encoding.UTF8.GetString(bytes, 0, length) is var text && text.StartsWith("fake-roster:", StringComparison.Ordinal)
            && int.TryParse(text["fake-roster:".Length..], out from) && from >= 0;
    }
}
