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
    /// How long a second admin has to approve, from the requester's confirmation: long enough for a
    /// person to be reached. Default: 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "ChatOps:Actions:ApprovalTimeout must be between 10 seconds and 1 day.")]
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A conversation the bot is in (a Teams channel's or chat's id, <c>19:…</c>) where every request
    /// for a second admin's approval is also posted, naming the admins who may approve. Optional.
    /// </summary>
    public string? ApprovalsConversation { get; set; }

    /// <summary>
    /// The Teams service that reaches <see cref="ApprovalsConversation"/> when the request came from
    /// another channel (a Teams request uses its own). Default: Teams' global service URL.
    /// </summary>
    public string ApprovalsServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>How often waiting actions are checked for expiry, and running ones for an instance that is gone. Default: 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "ChatOps:Actions:WatchEvery must be between 1 second and 5 minutes.")]
    public TimeSpan WatchEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Actions that need a second, different admin to approve after the requester confirms.
    /// Default (unset): those that ask for one by default (<c>kill clussvc</c>) when more than one
    /// admin is configured, else none.
    /// </summary>
    public IList<string>? RequireSecondApprover { get; set; }

    /// <summary>
    /// How far a node's clock may run behind the state store's. A node refuses an action past its deadline by
    /// its own clock, so another instance writes off an action whose instance is gone only once the deadline
    /// plus this margin has passed by the store's clock. Cluster nodes are domain members kept in time by
    /// the Windows Time service (well within a second of their domain controller); Kerberos refuses a
    /// clock more than 5 minutes off. Default: 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "ChatOps:Actions:NodeClockMargin must be between 0 and 5 minutes.")]
    public TimeSpan NodeClockMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one action may run on the cluster before it is reported as timed out; also the deadline, set when
    /// it starts, after which no node acts on it. Default: 60 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "ChatOps:Actions:ExecuteTimeout must be between 1 second and 10 minutes.")]
    public TimeSpan ExecuteTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
