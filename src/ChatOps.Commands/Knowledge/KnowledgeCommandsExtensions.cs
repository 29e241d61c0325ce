using ChatOps.Knowledge;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Commands.Knowledge;

/// <summary>Registers the runbook knowledge base and the <c>kb</c> commands.</summary>
public static class KnowledgeCommandsExtensions
{
    /// <summary>Adds <see cref="IKnowledgeBase"/> (see <see cref="KnowledgeHostBuilderExtensions.AddKnowledge"/>) and <c>kb</c>, <c>kb search</c>, <c>kb list</c>.</summary>
    public static IHostApplicationBuilder AddKnowledgeCommands(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddKnowledge();
        builder.Services.AddChatCommand<KbSearchHandler>(KbSearchHandler.Definition);
        builder.Services.AddChatCommand<KbArticleHandler>(KbArticleHandler.Definition);
        builder.Services.AddChatCommand<KbListHandler>(KbListHandler.Definition);
        return builder;
    }
}
