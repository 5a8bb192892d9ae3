namespace AriaPro.Silo.Events;

/// <summary>
/// Cross-site WebSocket hijacking guard: a browser always names the page's origin when it opens a
/// WebSocket, and a page on a foreign site could otherwise open <c>/ws</c> with the user's cookie
/// or a token it was handed. Programs (the CLI, the SDK) send no Origin and are not affected.
/// </summary>
internal static class WebSocketOrigin
{
    /// <summary>The refused origin as sent, or null when the request may open the stream.</summary>
    public static string? Refusal(HttpRequest request, IReadOnlyList<Uri> allowed)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            // "null" (a sandboxed or file: page) and anything unparsable are foreign.
            return origin;
        }

        return IsOwn(parsed, request) || allowed.Any(a => SameOrigin(a, parsed)) ? null : origin;
    }

    // The facade's own origin is the host the browser asked for (the Host header, which a proxy in
    // front must pass through), with the port the origin's scheme implies when none is given.
    private static bool IsOwn(Uri origin, HttpRequest request) =>
        request.Host.HasValue
        && Uri.TryCreate($"{origin.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own)
        && string.Equals(own.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && own.Port == origin.Port;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
