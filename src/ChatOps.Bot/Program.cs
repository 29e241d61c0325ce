using ChatOps.Bot.Hosting;
using ChatOps.Bot.Scheduling;
using ChatOps.Bot.Terminal;

try
{
    if (TerminalProgram.Handles(args))
    {
        return await TerminalProgram.RunAsync(args);
    }

    var builder = WebApplication.CreateBuilder(args);
    builder.AddChatOps();
    builder.AddTeamsEndpoint();
    builder.AddScheduler();
    var app = builder.Build();
    app.MapChatOps();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return 2;
}

/// <summary>The entry point, visible to the end-to-end tests' web application factory.</summary>
public partial class Program;
