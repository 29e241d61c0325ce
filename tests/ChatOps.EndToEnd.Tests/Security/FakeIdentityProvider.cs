using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>
/// Just enough of an OpenID Connect provider on a loopback port: a discovery document, a signing
/// key, and ID tokens as Entra ID issues them (RS256, <c>oid</c>, <c>tid</c>, <c>preferred_username</c>,
/// the challenge's nonce), so a test can finish a sign-in the way a browser does.
/// </summary>
internal sealed class FakeIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private FakeIdentityProvider(WebApplication app, string authority, RsaSecurityKey key)
    {
        _app = app;
        Authority = authority;
        _key = key;
    }

    public string Authority { get; }

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        string? authority = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority!,
            ["authorization_endpoint"] = $"{authority}/authorize",
            ["token_endpoint"] = $"{authority}/token",
            ["jwks_uri"] = $"{authority}/keys",
            ["response_types_supported"] = new[] { "code", "id_token" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } }));
        await app.StartAsync();
        authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new FakeIdentityProvider(app, authority, key);
    }

    /// <summary>
    /// Signs in through the service as a browser would: asks for <paramref name="path"/>, follows the
    /// challenge to this provider, and posts back a signed ID token for the person. The client keeps
    /// the session cookie; returns the service's answer to the sign-in post. A <c>state</c> function, when
    /// given, changes the state the service handed out before it is posted back, to test what the service trusts in it.
    /// </summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string path, string clientId, string objectId, string upn, string name, string tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47", Func<string, string>? state = null)
    {
        // The path is appended to the service's address as typed: a relative "//host/x" would name another host.
        using var challenge = await browser.GetAsync(new Uri(browser.BaseAddress!.GetLeftPart(UriPartial.Authority) + path));
        var location = challenge.Headers.Location ?? throw new InvalidOperationException($"{path} answered {(int)challenge.StatusCode} without a sign-in challenge");
        var query = QueryHelpers.ParseQuery(location.Query);
        var returnedState = state is null ? query["state"].ToString() : state(query["state"].ToString());
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = clientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "sub-" + objectId,
                ["oid"] = objectId,
                ["tid"] = tenant,
                ["name"] = name,
                ["preferred_username"] = upn,
                ["nonce"] = query["nonce"].ToString(),
            },
        });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["id_token"] = token, ["state"] = returnedState });
        return await browser.PostAsync(new Uri(new Uri(query["redirect_uri"].ToString()).PathAndQuery, UriKind.Relative), form);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
