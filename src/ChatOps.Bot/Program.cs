using ChatOps.Bot.Hosting;
using ChatOps.Bot.Scheduling;
using ChatOps.Bot.Terminal;
using Microsoft.Extensions.Hosting.WindowsServices;

try
{
    if (TerminalProgram.Handles(args))
    {
        return await TerminalProgram.RunAsync(args);
    }

    // As a Windows service the working folder is System32; settings and scripts sit beside the app.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = args,
        ContentRootPath = WindowsServiceHelpers.IsWindowsService() ? AppContext.BaseDirectory : null,
    });
    builder.Services.AddWindowsService(options => options.ServiceName = "ChatOps");
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
