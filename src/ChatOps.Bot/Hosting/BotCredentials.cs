namespace ChatOps.Bot.Hosting;

/// <summary>Bot Framework credentials: optional in Development (Emulator), required elsewhere.</summary>
internal static class BotCredentials
{
    public static void EnsureUsable(IConfiguration configuration, IHostEnvironment environment)
    {
        var appId = configuration["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(appId) && !environment.IsDevelopment())
        {
            throw new StartupException(
                $"MicrosoftAppId is not set: the {environment.EnvironmentName} environment needs Bot Framework credentials " +
                "(MicrosoftAppId, MicrosoftAppPassword or a managed identity, MicrosoftAppTenantId). Only Development runs without them.");
        }
    }
}
