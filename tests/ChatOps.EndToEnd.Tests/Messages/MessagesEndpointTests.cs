using System.Net;
using ChatOps.EndToEnd.Tests.Builders;

namespace ChatOps.EndToEnd.Tests.Messages;

public sealed class MessagesEndpointTests
{
    [Fact]
    public async Task Help_FromTeams_ReplyAtConnectorListsCommands()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync("help");

        Assert.Equal("send", reply.Kind);
        Assert.Equal("19:incident@thread.tacv2", reply.ConversationId);
        var card = reply.Card;
        Assert.NotNull(card);
        Assert.Equal("1.5", card!["version"]!.GetValue<string>());
        Assert.Contains("help <command>", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("whoami", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("version", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_WithBotMention_MentionIsStripped()
    {
        await using var host = await ChatOpsHost.StartAsync();

        await host.PostAsync(TeamsActivity.Message("whoami", host.Connector.ServiceUrl).MentioningBot());
        var reply = await host.Connector.NextAsync();

        Assert.Contains("Dana Admin", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("11111111-2222-3333-4444-555555555555", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("reader", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typo_SuggestsTheCommand()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync("hlep");

        Assert.Contains("Did you mean `help`?", reply.VisibleText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ", "empty message")]
    [InlineData("help\u0007", "control character")]
    [InlineData("状态 不同步", "kb search")]
    [InlineData("whoami --bogus", "Unknown flag")]
    [InlineData("help \"unclosed", "never closed")]
    public async Task BadInput_GetsAClearAnswer(string text, string expected)
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync(text);

        Assert.Contains(expected, reply.VisibleText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TenKilobytesOfText_SaysItIsTooLong()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync(new string('x', 10 * 1024));

        Assert.Contains("10,240 characters", reply.VisibleText, StringComparison.Ordinal);
        Assert.True(reply.Activity.ToJsonString().Length < 4096, "the answer must not echo the whole message back");
    }

    [Fact]
    public async Task MalformedActivity_Answers400NotServerError()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var status = await host.PostRawAsync("{ this is not json");

        Assert.True((int)status is >= 400 and < 500, $"got {(int)status}");
        Assert.Empty(host.Connector.Received);
    }

    [Fact]
    public async Task MembersAdded_WelcomesEachMemberOnce()
    {
        await using var host = await ChatOpsHost.StartAsync();
        var added = TeamsActivity.MembersAdded(host.Connector.ServiceUrl, "a:personal-chat", "29:1user-new", "28:chatops-bot");

        await host.PostAsync(added);
        var welcome = await host.Connector.NextAsync();
        await host.PostAsync(TeamsActivity.MembersAdded(host.Connector.ServiceUrl, "a:personal-chat", "29:1user-new"));
        await host.PostAsync(TeamsActivity.Message("version", host.Connector.ServiceUrl, "a:personal-chat"));
        var next = await host.Connector.NextAsync();

        Assert.Contains("Type `help`", welcome.VisibleText, StringComparison.Ordinal);
        Assert.Contains("ChatOps", next.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("Type `help`", next.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedeliveredActivity_IsAnsweredOnce()
    {
        await using var host = await ChatOpsHost.StartAsync();
        var message = TeamsActivity.Message("version", host.Connector.ServiceUrl);

        await host.PostAsync(message);
        await host.PostAsync(message);
        await host.PostAsync(TeamsActivity.Message("whoami", host.Connector.ServiceUrl));
        var first = await host.Connector.NextAsync();
        var second = await host.Connector.NextAsync();

        Assert.Contains("Runtime", first.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Dana Admin", second.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_Answers200()
    {
        await using var host = await ChatOpsHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
