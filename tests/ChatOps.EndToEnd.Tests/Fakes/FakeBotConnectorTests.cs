using System.Net;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace ChatOps.EndToEnd.Tests.Fakes;

/// <summary>
/// The fake connector answers Bot Framework's own client (Microsoft.Bot.Connector 4.23) with the documented shapes and
/// failures, so a test that passes against it says something about Teams (the pages are cited on the fake).
/// </summary>
public sealed class FakeBotConnectorTests : IAsyncLifetime
{
    private FakeBotConnector _connector = null!;
    private ConnectorClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _client = new ConnectorClient(new Uri(_connector.ServiceUrl), MicrosoftAppCredentials.Empty);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task CreateConversation_OneMember_OnePersonalChatPerMemberAndEachCreationRecorded()
    {
        var first = await _client.Conversations.CreateConversationAsync(Personal("29:dana"));
        var again = await _client.Conversations.CreateConversationAsync(Personal("29:dana", tenantInChannelData: true));
        var other = await _client.Conversations.CreateConversationAsync(Personal("29:sam"));

        Assert.StartsWith("a:", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Null(first.ActivityId);
        Assert.Equal(
            [("29:dana", "tenant-1", first.Id), ("29:dana", "tenant-1", first.Id), ("29:sam", "tenant-1", other.Id)],
            _connector.CreatedConversations.Select(c => (c.MemberId, c.TenantId, c.ConversationId)));
        Assert.Equal("28:bot", _connector.CreatedConversations[0].Parameters["bot"]?["id"]?.GetValue<string>());
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task CreateConversation_WithAnActivity_SendsItThereAndAnswersItsId()
    {
        var parameters = Personal("29:dana");
        parameters.Activity = Message("Approve kill clussvc on HV04?");

        var created = await _client.Conversations.CreateConversationAsync(parameters);

        var sent = await _connector.NextAsync();
        Assert.Equal((created.Id, created.ActivityId), (sent.ConversationId, sent.Id));
        Assert.Equal("Approve kill clussvc on HV04?", sent.VisibleText);
    }

    [Theory]
    [InlineData("blocked", "ConversationBlockedByUser", "User blocked the conversation with the bot.")]
    [InlineData("not installed", "ForbiddenOperationException", "Bot isn't installed in user's personal scope")]
    public async Task CreateConversation_MemberWhoCannotBeReached_403WithTheDocumentedCode(string why, string code, string message)
    {
        if (why == "blocked")
        {
            _connector.BlockedMembers = new HashSet<string> { "29:dana" };
        }
        else
        {
            _connector.NotInstalledFor = new HashSet<string> { "29:dana" };
        }

        var refused = await Assert.ThrowsAsync<ErrorResponseException>(() => _client.Conversations.CreateConversationAsync(Personal("29:dana")));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        Assert.Equal((code, message), (refused.Body.Error.Code, refused.Body.Error.Message));
        Assert.Empty(_connector.CreatedConversations);
        Assert.StartsWith("a:", (await _client.Conversations.CreateConversationAsync(Personal("29:sam"))).Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversation_MemberBlockedTheBotAfterTheChatWasCreated_403MessageWritesBlocked()
    {
        var chat = await _client.Conversations.CreateConversationAsync(Personal("29:dana"));
        await _client.Conversations.SendToConversationAsync(chat.Id, Message("first"));
        _connector.BlockedMembers = new HashSet<string> { "29:dana" };

        var refused = await Assert.ThrowsAsync<ErrorResponseException>(() => _client.Conversations.SendToConversationAsync(chat.Id, Message("second")));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Response.StatusCode);
        Assert.Contains("MessageWritesBlocked", refused.Response.Content, StringComparison.Ordinal);
        Assert.Equal(["first"], _connector.Received.Select(c => c.VisibleText));
        Assert.Equal((chat.Id, 403), _connector.Refused.Select(r => (r.ConversationId, r.Status)).Single());
    }

    [Theory]
    [InlineData(true, 2, false)]
    [InlineData(false, 1, true)]
    public async Task CreateConversation_GroupChatOrNoTenant_400BadArgument(bool isGroup, int members, bool withoutTenant)
    {
        var parameters = Personal("29:dana");
        parameters.IsGroup = isGroup;
        parameters.Members = Enumerable.Range(0, members).Select(i => new ChannelAccount($"29:member{i}")).ToList();
        parameters.TenantId = withoutTenant ? null : parameters.TenantId;

        var refused = await Assert.ThrowsAsync<ErrorResponseException>(() => _client.Conversations.CreateConversationAsync(parameters));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Response.StatusCode);
        Assert.Equal("BadArgument", refused.Body.Error.Code);
        Assert.Empty(_connector.CreatedConversations);
    }

    [Fact]
    public async Task CreateConversation_InAChannel_ANewThreadEachTime()
    {
        var parameters = new ConversationParameters { Bot = new ChannelAccount("28:bot"), IsGroup = true, ChannelData = new { channel = new { id = "19:ops@thread.tacv2" } }, TenantId = "tenant-1" };

        var first = await _client.Conversations.CreateConversationAsync(parameters);
        var second = await _client.Conversations.CreateConversationAsync(parameters);

        Assert.StartsWith("19:ops@thread.tacv2;messageid=", first.Id, StringComparison.Ordinal);
        Assert.NotEqual(first.Id, second.Id);
        Assert.All(_connector.CreatedConversations, c => Assert.Null(c.MemberId));
    }

    [Fact]
    public async Task GetConversationMembers_TheRosterSetForTheConversation_ElseEveryKnownMember()
    {
        _connector.Rosters["19:ops@thread.tacv2"] = [Member(1), Member(2)];
        _connector.Members["29:member9"] = Member(9);

        var set = await _client.Conversations.GetConversationMembersAsync("19:ops@thread.tacv2");
        var fallback = await _client.Conversations.GetConversationMembersAsync("a:some-chat");
        var one = await ((Conversations)_client.Conversations).GetConversationMemberAsync("29:member9", "19:ops@thread.tacv2");

        Assert.Equal(["29:member1", "29:member2"], set.Select(m => m.Id));
        Assert.Equal(("Member 1", "00000000-0000-0000-0000-000000000001"), (set[0].Name, set[0].AadObjectId));
        Assert.Equal(["29:member9"], fallback.Select(m => m.Id));
        Assert.Equal("Member 9", one.Name);
        Assert.Equal(3, _connector.RosterReads);
    }

    [Fact]
    public async Task GetConversationPagedMembers_PagesOfTheClampedSizeUntilTheLastHasNoToken()
    {
        _connector.Rosters["19:ops@thread.tacv2"] = Enumerable.Range(1, 120).Select(Member).ToList();
        var pages = new List<PagedMembersResult>();
        string? token = null;
        do
        {
            // Teams takes a page size under 50 as 50.
            var page = await _client.Conversations.GetConversationPagedMembersAsync("19:ops@thread.tacv2", pageSize: 10, continuationToken: token);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null && pages.Count < 10);
        var whole = await _client.Conversations.GetConversationPagedMembersAsync("19:ops@thread.tacv2");

        Assert.Equal([50, 50, 20], pages.Select(p => p.Members.Count));
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"29:member{i}"), pages.SelectMany(p => p.Members).Select(m => m.Id));
        Assert.Equal((120, null), (whole.Members.Count, whole.ContinuationToken));
        var bad = await Assert.ThrowsAsync<HttpOperationException>(() => _client.Conversations.GetConversationPagedMembersAsync("19:ops@thread.tacv2", 50, "not-a-token"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
    }

    [Fact]
    public async Task RosterReads_WhenRostersFail_500FromEveryRosterCall()
    {
        // A plain client: the connector client retries a 500 for half a minute.
        using var http = new HttpClient { BaseAddress = new Uri(_connector.ServiceUrl) };
        _connector.RosterFails = true;

        var list = await http.GetAsync(new Uri("v3/conversations/a%3Achat/members", UriKind.Relative));
        var paged = await http.GetAsync(new Uri("v3/conversations/a%3Achat/pagedmembers?pageSize=50", UriKind.Relative));

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError), (list.StatusCode, paged.StatusCode));
        Assert.Equal(2, _connector.RosterReads);
    }

    private static ConversationParameters Personal(string memberId, bool tenantInChannelData = false) => new()
    {
        Bot = new ChannelAccount("28:bot", "ChatOps"),
        Members = [new ChannelAccount(memberId)],
        IsGroup = false,
        TenantId = tenantInChannelData ? null : "tenant-1",
        ChannelData = tenantInChannelData ? new { tenant = new { id = "tenant-1" } } : null,
    };

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static object Member(int i) =>
        new { id = $"29:member{i}", name = $"Member {i}", aadObjectId = $"00000000-0000-0000-0000-{i:D12}", userPrincipalName = $"member{i}@contoso.com" };
}
