using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest.Serialization;

namespace ChatOps.Bot.Hosting;

/// <summary>
/// The Bot Framework authentication, with one change to the connector clients it makes: the
/// adapter makes a new client for every turn, and each client builds its own JSON contract
/// resolver, so every reply paid again for reflecting over the activity types and emitting their
/// accessors (about half the CPU of a short turn, measured with <c>dotnet-trace</c>). The clients
/// here share two resolvers, which are thread-safe and keep what they learnt.
/// </summary>
internal sealed class SharedContractsAuthentication(ConfigurationBotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    private static readonly ReadOnlyJsonContractResolver Serializing = new();
    private static readonly ReadOnlyJsonContractResolver Deserializing = new();

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Sharing(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Sharing(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => new SharingFactory(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private static AuthenticateRequestResult Sharing(AuthenticateRequestResult result)
    {
        result.ConnectorFactory = result.ConnectorFactory is null ? null : new SharingFactory(result.ConnectorFactory);
        return result;
    }

    private sealed class SharingFactory(ConnectorFactory factory) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var client = await factory.CreateAsync(serviceUrl, audience, cancellationToken);
            if (client is ConnectorClient concrete)
            {
                concrete.SerializationSettings.ContractResolver = Serializing;
                concrete.DeserializationSettings.ContractResolver = Deserializing;
            }

            return client;
        }
    }
}
