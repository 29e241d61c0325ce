namespace ChatOps.EndToEnd.Tests.Security;

/// <summary>
/// A browser's cookie jar for a service on plain http loopback: keeps every cookie it is given, the
/// <c>Secure</c> ones too (the OpenID Connect correlation and nonce cookies always are), which a
/// <see cref="System.Net.CookieContainer"/> would hold back from an http address.
/// </summary>
internal sealed class PlainHttpCookies() : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
{
    private readonly Dictionary<string, string> _jar = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _jar.Remove(pair[0]);
            }
            else
            {
                _jar[pair[0]] = pair.Length > 1 ? pair[1] : string.Empty;
            }
        }

        return response;
    }
}
