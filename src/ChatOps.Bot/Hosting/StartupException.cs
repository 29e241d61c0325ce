namespace ChatOps.Bot.Hosting;

/// <summary>A problem that stops start-up, with a message written for the operator.</summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
