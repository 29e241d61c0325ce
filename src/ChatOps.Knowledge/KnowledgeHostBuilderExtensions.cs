using ChatOps.Knowledge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Knowledge;

/// <summary>Registers the runbook knowledge base.</summary>
public static class KnowledgeHostBuilderExtensions
{
    /// <summary>
    /// Adds <c>ChatOps:Knowledge</c> options (validated at start; the default folder is the
    /// repository's <c>kb/</c>, see <see cref="KnowledgeOptions.Path"/>), <see cref="IKnowledgeBase"/>
    /// and the hosted service that loads it at start and rebuilds it when a file changes.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.Section)
            .PostConfigure(o => o.Path = string.IsNullOrWhiteSpace(o.Path)
                ? KnowledgePathLocator.Locate(contentRoot, AppContext.BaseDirectory)
                : Path.GetFullPath(o.Path, contentRoot))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KnowledgeBase>();
        services.TryAddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.AddHostedService<KnowledgeWatcher>();
        return builder;
    }
}
