using System.ComponentModel.DataAnnotations;

namespace ChatOps.Commands.Actions;

/// <summary>Safety settings for actions. Section <c>ChatOps:Actions</c>.</summary>
public sealed class ActionsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Actions";

    /// <summary>How long a confirmation stays valid. Default: 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "ChatOps:Actions:ConfirmTimeout must be between 10 seconds and 1 hour.")]
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Actions that need a second, different admin to approve after the requester confirms.
    /// Default (unset): <c>["kill clussvc"]</c> when more than one admin is configured, else none.
    /// </summary>
    public IList<string>? RequireSecondApprover { get; set; }

    /// <summary>How long one action may run on the cluster before it is reported as timed out. Default: 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "ChatOps:Actions:ExecuteTimeout must be between 1 second and 10 minutes.")]
    public TimeSpan ExecuteTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
