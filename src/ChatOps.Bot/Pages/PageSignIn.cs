using ChatOps.Commands.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatOps.Bot.Pages;

/// <summary>
/// Entra ID sign-in for the pages with cluster data, when <see cref="WebOptions.ClientId"/> is
/// set: a cookie session, an OpenID Connect challenge, and a policy that admits a signed-in
/// person of an allowed tenant (<see cref="AccessOptions.AllowedTenants"/>, when it lists any).
/// <c>/api/messages</c> keeps its own Bot Framework authentication.
/// </summary>
internal static partial class PageSignIn
{
    public const string Policy = "ChatOps.Pages";

    public static WebApplicationBuilder AddPageSignIn(this WebApplicationBuilder builder)
    {
        var pages = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        if (!pages.PublicRunbooks && !pages.SignInRequired)
        {
            throw new Hosting.StartupException($"{WebOptions.Section}:PublicRunbooks is false, so readers must sign in: set {WebOptions.Section}:ClientId and {WebOptions.Section}:Authority, or make the runbooks public again.");
        }

        if (!pages.SignInRequired)
        {
            builder.Services.AddAuthorization();
            return builder;
        }

        if (!Uri.TryCreate(pages.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !builder.Environment.IsDevelopment()))
        {
            throw new Hosting.StartupException($"{WebOptions.Section}:ClientId is set, so {WebOptions.Section}:Authority must be the https URL of the identity provider (it is '{pages.Authority}').");
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
                o.Events.OnRedirectToAccessDenied = TenantRefusedPage.WriteAsync;
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
                // The return URL is the path that asked for sign-in, which a link can make "//evil.example/x":
                // checked when it goes into the state and again when the handler redirects to it.
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.Properties.RedirectUri = ReturnUrl.LocalOrHome(context.Properties.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnTicketReceived = context =>
                {
                    context.ReturnUri = ReturnUrl.LocalOrHome(context.ReturnUri);
                    return Task.CompletedTask;
                };
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

    /// <summary>
    /// Sign-in for the pages, with one answer when the identity provider cannot be reached (its metadata
    /// cannot be read): 503 with <c>Retry-After</c> and a line saying so, not a 500 and a stack trace.
    /// </summary>
    public static WebApplication UsePageSignIn(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (InvalidOperationException ex) when (IdentityProviderUnreachable(ex) && !context.Response.HasStarted)
            {
                LogIdentityProviderUnreachable(app.Logger, ex);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "30";
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"Sign-in is unavailable: the identity provider ({WebOptions.Section}:Authority) is not answering. Try again in a minute.");
            }
        });
        app.UseAuthentication();
        return app;
    }

    /// <summary>Microsoft.IdentityModel wraps a failed metadata read (IDX20803) around the network error that caused it.</summary>
    private static bool IdentityProviderUnreachable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or IOException or TaskCanceledException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Requires sign-in on a page with cluster data when it is configured.</summary>
    public static TBuilder SignedIn<TBuilder>(this TBuilder route, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder =>
        Options(services).SignInRequired ? route.RequireAuthorization(Policy) : route;

    /// <summary>Requires sign-in on a runbook page unless <see cref="WebOptions.PublicRunbooks"/>.</summary>
    public static TBuilder Runbooks<TBuilder>(this TBuilder route, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder =>
        Options(services).PublicRunbooks ? route : route.RequireAuthorization(Policy);

    /// <summary>The reader signed in on this request, or null.</summary>
    public static Caller? Reader(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var objectId = http.User.FindFirst("oid")?.Value;
        var upn = http.User.FindFirst("preferred_username")?.Value ?? http.User.FindFirst("upn")?.Value;
        var name = http.User.FindFirst("name")?.Value ?? upn ?? objectId ?? "web reader";
        return new Caller(objectId ?? upn ?? http.User.FindFirst("sub")?.Value ?? "web", name, objectId, upn);
    }

    private static WebOptions Options(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page sign-in: the identity provider's metadata could not be read; answered 503")]
    private static partial void LogIdentityProviderUnreachable(ILogger logger, Exception exception);
}
