using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Actions;

/// <summary>Starting hosts with roles configured, and pressing the buttons of an action card.</summary>
internal static class ActionHost
{
    /// <summary>Dana is admin and Lee operator; Sam has no role. One admin, so no two-person rule by default.</summary>
    public static Task<ChatOpsHost> StartAsync(params (string Key, string? Value)[] more) => StartAsync(null, more);

    /// <summary>The same, with the service's clock replaced (to expire confirmations without waiting).</summary>
    public static Task<ChatOpsHost> StartAsync(TimeProvider? clock, params (string Key, string? Value)[] more) =>
        ChatOpsHost.StartAsync(Settings(more), clock is null ? null : services => services.AddSingleton(clock));

    /// <summary>The roles above, with <paramref name="more"/> on top.</summary>
    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ChatOps:Access:Admins:0"] = TeamsUser.Dana.AadObjectId,
            ["ChatOps:Access:Operators:0"] = TeamsUser.Lee.AadObjectId,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static ILabCluster Lab(this ChatOpsHost host) => host.Services.GetRequiredService<ILabCluster>();

    public static IClusterGateway Gateway(this ChatOpsHost host) => host.Services.GetRequiredService<IClusterGateway>();

    /// <summary>Presses a button of the card as Teams does (Action.Execute invoke) and returns the text of the card that replaces it.</summary>
    public static async Task<string> PressAsync(this ChatOpsHost host, ConnectorCall card, string verb = "confirm", TeamsUser? user = null, string? nonce = null, bool personal = false) =>
        (await host.PressForCardAsync(card, verb, user, nonce, personal)).VisibleText;

    /// <summary>
    /// Presses a button of the card as Teams does and returns the card that replaces it (its buttons
    /// included); with <paramref name="personal"/>, the card is in the presser's personal chat with the bot.
    /// </summary>
    public static async Task<ConnectorCall> PressForCardAsync(this ChatOpsHost host, ConnectorCall card, string verb = "confirm", TeamsUser? user = null, string? nonce = null, bool personal = false)
    {
        var (pendingId, realNonce) = card.Confirmation ?? throw new InvalidOperationException($"The reply has no Confirm button: {card.VisibleText}");
        var press = TeamsActivity.Execute(verb, pendingId, nonce ?? realNonce, host.Connector.ServiceUrl, user, card.ConversationId, cardId: card.Id);
        var response = await host.InvokeAsync(personal ? press.InPersonalChat(user ?? TeamsUser.Dana, card.ConversationId) : press);
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        return card.ReplacedBy(response);
    }
}
