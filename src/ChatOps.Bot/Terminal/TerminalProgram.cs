using ChatOps.Bot.Hosting;
using ChatOps.Bot.Knowledge;
using ChatOps.Bot.Storage;
using ChatOps.Clusters;
using ChatOps.Commands.Subscriptions;
using Microsoft.Extensions.Logging.Console;
using Spectre.Console;

namespace ChatOps.Bot.Terminal;

/// <summary>
/// The command-line modes: <c>chat</c> (REPL) and <c>ask "text"</c> (one answer, exit code for
/// scripts). They build the same services as the web host, without HTTP.
/// </summary>
internal static class TerminalProgram
{
    private static readonly string[] Modes = ["chat", "ask", "audit"];

    /// <summary>Where <c>chat</c> and <c>ask</c> keep their state unless told otherwise: apart from a service's <c>data/chatops.db</c>.</summary>
    public const string OwnStatePath = "data/chatops.terminal.db";

    public static bool Handles(string[] args) => (args.Length > 0 && Modes.Contains(args[0], StringComparer.OrdinalIgnoreCase)) || KbLintCommand.Handles(args);

    public static async Task<int> RunAsync(string[] args)
    {
        if (KbLintCommand.Handles(args))
        {
            return KbLintCommand.Run(args, Console.Out, Console.Error);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        // A start-up failure is told once, in one line, by whoever started the host (as the service does).
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        var ownState = KeepsOwnState(args[0], builder.Configuration);
        if (ownState)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{StorageOptions.Section}:Path"] = OwnStatePath });
        }

        builder.AddChatOps();
        builder.Services.AddSingleton(new TerminalState(ownState));
        builder.Services.AddSingleton(AnsiConsole.Console);
        builder.Services.AddSingleton<ITerminalView, SpectreTerminalView>();
        builder.Services.AddSingleton<TerminalAdapter>();
        builder.Services.AddSingleton<IChannelPublisher, TerminalPublisher>();
        builder.Services.AddSingleton<TerminalChat>();

        using var host = builder.Build();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        await host.StartAsync(cancel.Token);
        try
        {
            if (args[0].Equals("audit", StringComparison.OrdinalIgnoreCase))
            {
                return await AuditExport.RunAsync(host.Services, args.Skip(1).ToList(), cancel.Token);
            }

            var chat = host.Services.GetRequiredService<TerminalChat>();
            if (args[0].Equals("chat", StringComparison.OrdinalIgnoreCase))
            {
                return await chat.RunReplAsync(cancel.Token);
            }

            var words = args.Skip(1).ToList();
            var yes = words.RemoveAll(w => w.Equals("--yes", StringComparison.OrdinalIgnoreCase)) > 0;
            return await chat.AskAsync(string.Join(' ', words), yes, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// <c>chat</c> and <c>ask</c> on the lab rehearse on a lab of their own, so they keep their own state
    /// too: sharing a running service's database but not its lab would audit "Executed" for a node the
    /// service still shows Up. On real nodes, and with a state store set on purpose (a path, or
    /// PostgreSQL), the configured state is used, so what is done is audited where the service audits;
    /// <c>audit export</c> always reads the service's.
    /// </summary>
    internal static bool KeepsOwnState(string mode, IConfiguration configuration) =>
        !mode.Equals("audit", StringComparison.OrdinalIgnoreCase)
        && (configuration[$"{ClusterOptions.Section}:Backend"] ?? ClusterOptions.LabBackend).Equals(ClusterOptions.LabBackend, StringComparison.OrdinalIgnoreCase)
        && configuration[$"{StorageOptions.Section}:Path"] is null
        && !string.Equals(configuration[$"{StorageOptions.Section}:Provider"], nameof(StorageProvider.PostgreSql), StringComparison.OrdinalIgnoreCase);
}
