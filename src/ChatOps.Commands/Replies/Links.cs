using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Replies;

/// <summary>The one place that turns a runbook id or a page of the service into an absolute link.</summary>
public sealed class Links(IOptions<LinkOptions> options)
{
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
        var root = options.Value.PublicUrl.ToString();
        return new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), relativePath.TrimStart('/')).ToString();
    }
}
