namespace AriaPro.Silo.Configuration;

/// <summary>Absolute http/https URLs, as the webhook and the HTTP facade need them.</summary>
public static class HttpUrlParser
{
    /// <summary>True when <paramref name="raw"/> is an absolute http or https URL with a host.</summary>
    public static bool TryParse(string raw, out Uri? url, out string problem)
    {
        problem = "must be an absolute http:// or https:// URL";
        if (Uri.TryCreate(raw, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && parsed.Host.Length > 0)
        {
            url = parsed;
            return true;
        }

        url = null;
        return false;
    }

    /// <summary>
    /// Parses a semicolon separated list of listen addresses (<c>ARIA_HTTP_URLS</c>). Kestrel's
    /// wildcard hosts <c>*</c> and <c>+</c> are accepted; paths are not, because Kestrel refuses them.
    /// </summary>
    public static IReadOnlyList<string> ParseListenList(string raw, out List<string> urls)
    {
        var problems = new List<string>();
        urls = [];
        var entries = raw.Split(';');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (entry.Length == 0)
            {
                problems.Add($"entry {i + 1} is empty");
                continue;
            }

            var checkable = entry.Replace("://*", "://0.0.0.0", StringComparison.Ordinal)
                .Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!TryParse(checkable, out var url, out var problem))
            {
                problems.Add($"'{entry}' {problem}");
            }
            else if (url!.AbsolutePath != "/" || url.Query.Length > 0)
            {
                problems.Add($"'{entry}' may not have a path or query");
            }
            else
            {
                urls.Add(entry);
            }
        }

        return problems;
    }
}
