using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ChatOps.Bot.Turns;

/// <summary>
/// What an acknowledged activity is kept as until its turn finishes: the activity and the identity it
/// was authenticated with (its claims, audience and caller id; never the token), so that after a crash
/// or a stop the turn runs as it would have, on a restart or on another instance.
/// </summary>
internal static class StoredTurn
{
    public static string Write(Activity activity, AuthenticateRequestResult auth) =>
        JsonConvert.SerializeObject(new Envelope
        {
            Activity = activity,
            Audience = auth.Audience,
            CallerId = auth.CallerId,
            AuthenticationType = auth.ClaimsIdentity?.AuthenticationType,
            Claims = auth.ClaimsIdentity?.Claims.Select(c => new[] { c.Type, c.Value }).ToList() ?? [],
        }, HttpHelper.BotMessageSerializerSettings);

    /// <summary>The activity and its identity, or null when the text is not what <see cref="Write"/> wrote.</summary>
    public static (Activity Activity, AuthenticateRequestResult Auth)? Read(string stored)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonConvert.DeserializeObject<Envelope>(stored, HttpHelper.BotMessageSerializerSettings);
        }
        catch (JsonException)
        {
            return null;
        }

        if (envelope?.Activity is not { Conversation: not null } activity || envelope.Claims.Any(c => c is not { Length: 2 }))
        {
            return null;
        }

        var identity = new ClaimsIdentity(envelope.Claims.Select(c => new Claim(c[0], c[1])), envelope.AuthenticationType);
        activity.CallerId = envelope.CallerId;
        return (activity, new AuthenticateRequestResult { ClaimsIdentity = identity, Audience = envelope.Audience, CallerId = envelope.CallerId });
    }

    private sealed class Envelope
    {
        public Activity? Activity { get; set; }

        public string? Audience { get; set; }

        public string? CallerId { get; set; }

        public string? AuthenticationType { get; set; }

        public List<string[]> Claims { get; set; } = [];
    }
}
