using ChatOps.Commands.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatOps.Bot.Pages;

/// <summary>
/// Entra ID sign-in for the pages with cluster data, when <see cref="PagesOptions.ClientId"/> is
/// set: a cookie session, an OpenID Connect challenge, and a policy that admits a signed-in
/// person of an allowed tenant (<see cref="AccessOptions.AllowedTenants"/>, when it lists any).
/// <c>/api/messages</c> keeps its own Bot Framework authentication.
/// </summary>
internal static class PageSignIn
{
    public const string Policy = "ChatOps.Pages";

    public static WebApplicationBuilder AddPageSignIn(this WebApplicationBuilder builder)
    {
        var pages = builder.Configuration.GetSection(PagesOptions.Section).Get<PagesOptions>() ?? new PagesOptions();
        builder.Services.AddOptions<PagesOptions>().BindConfiguration(PagesOptions.Section);
        if (!pages.SignInRequired)
        {
            builder.Services.AddAuthorization();
            return builder;
        }

        if (!Uri.TryCreate(pages.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !builder.Environment.IsDevelopment()))
        {
            throw new Hosting.StartupException($"{PagesOptions.Section}:ClientId is set, so {PagesOptions.Section}:Authority must be the https URL of the identity provider (it is '{pages.Authority}').");
        }

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "ChatOps.Pages";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = pages.Authority;
                o.ClientId = pages.ClientId;
                o.ClientSecret = pages.ClientSecret;
                o.ResponseType = string.IsNullOrWhiteSpace(pages.ClientSecret) ? OpenIdConnectResponseType.IdToken : OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.FormPost;
                o.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.MapInboundClaims = false;
            });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
            {
                var allowed = context.Resource is HttpContext http
                    ? http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AccessOptions>>().CurrentValue.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).ToList()
                    : [];
                return allowed.Count == 0 || allowed.Contains(context.User.FindFirst("tid")?.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            }));
        return builder;
    }

    /// <summary>Requires sign-in on a page route when it is configured.</summary>
    public static RouteHandlerBuilder SignedIn(this RouteHandlerBuilder route, IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PagesOptions>>().Value.SignInRequired ? route.RequireAuthorization(Policy) : route;
}
