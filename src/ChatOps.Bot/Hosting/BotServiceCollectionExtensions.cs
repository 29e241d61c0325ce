using ChatOps.Bot.Rendering;
using ChatOps.Bot.Scheduling;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Teams;
using ChatOps.Clusters;
using ChatOps.Commands;
using ChatOps.Commands.Access;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Knowledge;
using Microsoft.Bot.Builder;

namespace ChatOps.Bot.Hosting;

/// <summary>The host's table of contents: every area registers itself here.</summary>
internal static class BotServiceCollectionExtensions
{
    /// <summary>Everything the bot needs, whichever channel it serves (Teams or the terminal).</summary>
    public static IHostApplicationBuilder AddChatOps(this IHostApplicationBuilder builder)
    {
        builder.AddCommands();
        builder.Services.PostConfigure<AccessOptions>(access =>
        {
            if (access.AllowedTenants.All(string.IsNullOrWhiteSpace) && builder.Configuration["MicrosoftAppTenantId"] is { Length: > 0 } tenant)
            {
                access.AllowedTenants.Add(tenant);
            }
        });
        builder.AddClusters();
        builder.Services.AddClusterCommands();
        builder.AddKnowledgeCommands();
        builder.AddStorage();
        builder.AddSchedules();
        builder.AddBot();
        return builder;
    }

    private static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AdaptiveCardRenderer>();
        builder.Services.AddSingleton<ReplyActivityFactory>();
        builder.Services.AddSingleton<ReplySender>();
        builder.Services.AddSingleton<MessageExtension>();
        builder.Services.AddSingleton<WelcomeLedger>();
        builder.Services.AddSingleton<RosterLookup>();
        builder.Services.AddSingleton<PersonalChatLedger>();
        builder.Services.AddSingleton<SharedCards>();
        builder.Services.AddTransient<IBot, ChatOpsBot>();
        return builder;
    }
}
