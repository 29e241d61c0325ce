using ChatOps.Bot.Messages;
using ChatOps.Commands.Replies;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Tests.Messages;

/// <summary>Every shape an activity arrives in, and what it is taken for, once.</summary>
public sealed class ClassifiedTests
{
    private const string Press = """{ "verb": "confirm", "pendingId": "p1", "nonce": "n1" }""";

    [Theory]
    // Text, and a follow-up button posted as data
    [InlineData("msteams", "message", null, "kb search dns", null, "Text", null)]
    [InlineData("directline", "message", null, null, """{ "command": "vm web01" }""", "FollowUp", null)]
    [InlineData("msteams", "message", null, null, """{ "msteams": { "type": "imBack", "value": "whoami" } }""", "FollowUp", null)]
    [InlineData("directline", "message", null, "", null, "Text", null)]
    [InlineData("directline", "message", null, null, "[1, 2]", "Text", null)]
    [InlineData("directline", "message", null, null, "\"a string\"", "Text", null)]
    // A press posted as a message: a decision outside Teams, refused in Teams
    [InlineData("directline", "message", null, null, Press, "Press", "confirm")]
    [InlineData("emulator", "message", null, null, Press, "Press", "confirm")]
    [InlineData("msteams", "message", null, null, Press, "StraySubmit", "confirm")]
    [InlineData("directline", "message", null, "confirm it", Press, "Text", null)]
    // Malformed presses: named a pending action, with data of the wrong type or size
    [InlineData("directline", "message", null, null, """{ "pendingId": 7, "verb": "confirm" }""", "Press", "malformed")]
    [InlineData("directline", "message", null, null, """{ "pendingId": "p1", "verb": ["confirm"] }""", "Press", "malformed")]
    [InlineData("directline", "message", null, null, """{ "pendingId": "p1" }""", "Press", "malformed")]
    [InlineData("directline", "message", null, null, """{ "pendingId": "p1", "verb": "confirm", "nonce": { "a": 1 } }""", "Press", "malformed")]
    // Invokes
    [InlineData("msteams", "invoke", "adaptiveCard/action", null, """{ "action": { "type": "Action.Execute", "verb": "confirm", "data": { "pendingId": "p1", "nonce": "n1" } } }""", "Press", "confirm")]
    [InlineData("msteams", "invoke", "adaptiveCard/action", null, """{ "action": { "type": "Action.Execute", "verb": "refresh", "data": { "verb": "refresh", "pendingId": "p1" } } }""", "Refresh", "refresh")]
    [InlineData("msteams", "invoke", "adaptiveCard/action", null, """{ "action": { "type": "Action.Execute", "verb": "cancel", "data": { "verb": "confirm", "pendingId": "p1", "nonce": "n1" } } }""", "Press", "cancel")]
    [InlineData("msteams", "invoke", "adaptiveCard/action", null, """{ "action": "not an object" }""", "Other", null)]
    [InlineData("msteams", "invoke", "adaptiveCard/action", null, """{ "action": { "verb": 7, "data": "refresh" } }""", "Other", null)]
    [InlineData("msteams", "invoke", "adaptiveCard/action", null, null, "Other", null)]
    [InlineData("msteams", "invoke", "composeExtension/query", null, """{ "commandId": "kb" }""", "Compose", null)]
    [InlineData("msteams", "invoke", "composeExtension/queryLink", null, """{ "url": "https://x/kb/a" }""", "Compose", null)]
    [InlineData("msteams", "invoke", "signin/verifyState", null, null, "UnknownInvoke", null)]
    [InlineData("msteams", "invoke", "composeExtension/submitAction", null, "{}", "UnknownInvoke", null)]
    [InlineData("msteams", "invoke", "task/fetch", null, "{}", "UnknownInvoke", null)]
    [InlineData("msteams", "invoke", null, null, null, "UnknownInvoke", null)]
    [InlineData("msteams", "conversationUpdate", null, null, null, "Other", null)]
    public void Of_EachShape(string channel, string type, string? name, string? text, string? value, string kind, string? verb)
    {
        var activity = new Activity { Type = type, ChannelId = channel, Name = name, Text = text, Value = value is null ? null : JToken.Parse(value) };

        var classified = Classified.Of(activity);

        Assert.Equal(kind, classified.Kind.ToString());
        Assert.Equal(verb, classified.Press is null ? null : classified.Press.IsMalformed ? "malformed" : classified.Press.Verb);
    }

    [Fact]
    public void Of_AnOversizedId_IsMalformed_NeverLookedUp()
    {
        var value = new JObject { [CardWire.PendingIdKey] = new string('x', CardWire.MaxFieldLength + 1), [CardWire.VerbKey] = CardWire.Confirm };

        var classified = Classified.Of(new Activity { Type = ActivityTypes.Message, ChannelId = "directline", Value = value });

        Assert.True(classified.Press!.IsMalformed);
    }

    [Fact]
    public void Of_APressWithTheBotsOwnData_CarriesItsIdAndNonce()
    {
        var classified = Classified.Of(new Activity { Type = ActivityTypes.Message, ChannelId = "webchat", Value = JObject.Parse(Press) });

        Assert.Equal(new Press(CardWire.Confirm, "p1", "n1"), classified.Press);
        Assert.True(classified.IsPress);
    }
}
