using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Hosting;

/// <summary>How the bot talks. Section <c>ChatOps:Bot</c>.</summary>
public sealed class BotOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Bot";

    /// <summary>
    /// A command still running after this long first answers "working…" and later replaces
    /// that message with its result. Default: 2 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:14", ErrorMessage = "ChatOps:Bot:WorkingReplyAfter must be between 0 and 14 seconds (Teams redelivers after about 15).")]
    public TimeSpan WorkingReplyAfter { get; set; } = TimeSpan.FromSeconds(2);
}
