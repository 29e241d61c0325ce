using ChatOps.Commands.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Commands.Actions;

/// <summary>Registers actions: each one a command whose requests go through the confirmation flow.</summary>
public static class ActionsServiceCollectionExtensions
{
    /// <summary>Registers an action and its command.</summary>
    public static IServiceCollection AddSafeAction<TAction>(this IServiceCollection services, CommandDefinition definition)
        where TAction : class, ISafeAction
    {
        services.AddSingleton<TAction>();
        services.AddSingleton<ISafeAction>(sp => sp.GetRequiredService<TAction>());
        services.AddChatCommand<SafeActionHandler<TAction>>(definition with { Audited = true });
        return services;
    }
}
