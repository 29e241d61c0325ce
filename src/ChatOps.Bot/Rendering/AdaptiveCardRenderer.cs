using System.Text;
using ChatOps.Commands.Replies;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Rendering;

/// <summary>
/// Renders a reply as an Adaptive Card 1.5, the newest schema Teams renders. Teams refuses bot
/// messages over 40 KB, so a card is kept under <see cref="MaxCardBytes"/>: blocks that do not
/// fit are left out and a note says how many.
/// </summary>
internal sealed class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Card budget in UTF-8 bytes, leaving room for the activity envelope.</summary>
    public const int MaxCardBytes = 28 * 1024;

    private const int NoteReserve = 600;

    /// <summary>The id of the folded container that holds a reply's details.</summary>
    public const string DetailsId = "details";

    public JObject Render(Reply reply, CardHost host = CardHost.Teams)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var fixedParts = new JArray();
        var actions = new JArray();
        if (reply.Confirmation is { } confirmation)
        {
            // What is asked stands out; a button that stops something says so by its style.
            fixedParts.Add(new JObject
            {
                ["type"] = "Container",
                ["style"] = confirmation.Destructive ? "attention" : "emphasis",
                ["items"] = new JArray(
                    CardText.Text(confirmation.Prompt, bold: true),
                    CardText.Text($"Expires {confirmation.ExpiresAt:yyyy-MM-dd HH:mm:ss} UTC.", subtle: true)),
            });
            if (confirmation.ConfirmTitle is { } confirmTitle)
            {
                actions.Add(CardButtons.Decision(confirmTitle, CardWire.Confirm, confirmation, confirmation.Destructive ? "destructive" : "positive", host));
            }

            actions.Add(CardButtons.Decision(confirmation.CancelTitle, CardWire.Cancel, confirmation, "default", host));
        }

        foreach (var button in reply.Buttons)
        {
            actions.Add(CardButtons.ImBack(button.Title, button.Command));
        }

        if (reply.Details.Count > 0)
        {
            actions.Add(new JObject { ["type"] = "Action.ToggleVisibility", ["title"] = reply.DetailsTitle, ["targetElements"] = new JArray(DetailsId) });
        }

        var body = new JArray();
        if (reply.Heading is not null)
        {
            body.Add(CardText.Heading(reply.Heading));
        }

        if (reply.Progress is not null)
        {
            body.Add(CardText.Text("⏳ " + reply.Progress, subtle: true));
        }

        var budget = MaxCardBytes - NoteReserve - Size(fixedParts) - Size(actions) - 200;
        var used = Size(body);
        used += AddBlocks(body, reply.Blocks, budget - used, host);
        if (reply.Details.Count > 0)
        {
            var details = new JArray();
            AddBlocks(details, reply.Details, budget - used - 100, host);
            body.Add(new JObject { ["type"] = "Container", ["id"] = DetailsId, ["isVisible"] = false, ["items"] = details });
        }

        foreach (var part in fixedParts)
        {
            body.Add(part);
        }

        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["msteams"] = new JObject { ["width"] = "Full" },
            ["body"] = body,
        };
        if (reply.Refresh is { } refresh && host == CardHost.Teams)
        {
            card["refresh"] = new JObject
            {
                ["action"] = new JObject
                {
                    ["type"] = "Action.Execute",
                    ["title"] = "Refresh",
                    [CardWire.VerbKey] = CardWire.Refresh,
                    ["data"] = new JObject { [CardWire.VerbKey] = CardWire.Refresh, [CardWire.PendingIdKey] = refresh.PendingId },
                },
                ["userIds"] = new JArray(refresh.UserIds.Distinct(StringComparer.Ordinal).Take(CardRefresh.MaxUserIds)),
            };
        }

        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return card;
    }

    /// <summary>Adds the elements of the blocks that fit the budget, and a note of what did not; returns the bytes used.</summary>
    private static int AddBlocks(JArray into, IReadOnlyList<ReplyBlock> blocks, int budget, CardHost host)
    {
        var used = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var (elements, rowsLeftOut) = CardElements.For(blocks[i], budget - used, host);
            foreach (var element in elements)
            {
                into.Add(element);
                used += Size(element);
            }

            var blocksLeftOut = blocks.Count - i - (elements.Count > 0 ? 1 : 0);
            if (rowsLeftOut > 0 || elements.Count == 0)
            {
                var note = CardText.Text(TruncationNote(rowsLeftOut, blocksLeftOut), subtle: true);
                into.Add(note);
                used += Size(note);
                break;
            }
        }

        return used;
    }

    private static string TruncationNote(int rows, int blocks)
    {
        var parts = new List<string>();
        if (rows > 0)
        {
            parts.Add($"{rows} more row(s)");
        }

        if (blocks > 0)
        {
            parts.Add($"{blocks} more part(s)");
        }

        return $"Shortened to fit a Teams message: {string.Join(" and ", parts)} not shown. Narrow the command, or follow the link to the full text.";
    }

    /// <summary>Serialized size in UTF-8 bytes.</summary>
    public static int Size(JToken token) => Encoding.UTF8.GetByteCount(token.ToString(Formatting.None));
}
