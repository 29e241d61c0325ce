using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Replies;

/// <summary>The address the service listens on, once it does; null when it serves no pages (the terminal chat).</summary>
public interface IServiceAddress
{
    /// <summary>The first bound address, or null.</summary>
    Uri? Current { get; }
}

/// <summary>
/// The one place that turns a runbook id or a page of the service into an absolute link: under
/// <see cref="LinkOptions.PublicUrl"/> when configured, else under the address the service binds.
/// </summary>
public sealed class Links(IOptions<LinkOptions> options, IServiceAddress? address = null)
{
    /// <summary>The base all links start with now.</summary>
    public Uri Root => options.Value.PublicUrl ?? address?.Current ?? LinkOptions.Fallback;

    /// <summary>A link to a runbook, served as HTML at <c>/kb/{id}</c>.</summary>
    public ReplyLink Runbook(string kbId, string? title = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kbId);
        return new ReplyLink(title ?? $"Runbook: {kbId}", Page($"kb/{Uri.EscapeDataString(kbId)}"), kbId);
    }

    /// <summary>An absolute URL for a path of this service, e.g. <c>sweeps/abc</c>.</summary>
    public string Page(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var root = Root.ToString();
        return new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), relativePath.TrimStart('/')).ToString();
    }
}
