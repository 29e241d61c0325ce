using ChatOps.Bot.Terminal;
using ChatOps.Commands.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatOps.Bot.Rendering;

/// <summary>Turns a reply into the activity a channel shows: an Adaptive Card, or the reply itself for the terminal.</summary>
internal sealed class ReplyActivityFactory(AdaptiveCardRenderer cards)
{
    public Activity Create(Reply reply, string channelId)
    {
        if (channelId == TerminalAdapter.ChannelId)
        {
            var activity = (Activity)MessageFactory.Text(PlainText.Of(reply));
            activity.Value = reply;
            return activity;
        }

        var card = MessageFactory.Attachment(new Attachment
        {
            ContentType = AdaptiveCardRenderer.ContentType,
            Content = cards.Render(reply, HostOf(channelId)),
        });
        card.Summary = PlainText.Summary(reply);
        return (Activity)card;
    }

    /// <summary>Teams runs Universal Actions; every other channel gets the same card with <c>Action.Submit</c> buttons.</summary>
    public static CardHost HostOf(string? channelId) =>
        channelId == Microsoft.Bot.Connector.Channels.Msteams ? CardHost.Teams : CardHost.Other;

    /// <summary>The answer to an Action.Execute invoke: the card that replaces the one whose button was pressed.</summary>
    public AdaptiveCardInvokeResponse CreateInvokeResponse(Reply reply, string channelId)
    {
        var card = Create(reply, channelId);
        return new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = card.Attachments?.FirstOrDefault()?.ContentType ?? "application/vnd.microsoft.activity.message",
            Value = card.Attachments?.FirstOrDefault()?.Content ?? card.Text,
        };
    }
}
