using ChatOps.Commands.Replies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatOps.Bot.Hosting;

/// <summary>
/// The first address Kestrel bound (<c>--urls</c>), for links when <c>ChatOps:Links:PublicUrl</c> is
/// not set; a wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) becomes <c>localhost</c>.
/// </summary>
internal sealed class BoundAddress(IServer server) : IServiceAddress
{
    public Uri? Current
    {
        get
        {
            var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (first is null)
            {
                return null;
            }

            var normalized = first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
            return Uri.TryCreate(normalized.EndsWith('/') ? normalized : normalized + "/", UriKind.Absolute, out var uri) && uri.Port != 0 ? uri : null;
        }
    }
}
