namespace AriaPro.Client.Http;

/// <summary>A silo's HTTP address as the client resolves paths against it.</summary>
public static class AriaAddress
{
    /// <summary>The address with a trailing slash, so a silo behind a path prefix keeps it when paths are resolved.</summary>
    public static Uri Directory(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    /// <summary>The WebSocket address of <paramref name="path"/> on the silo: ws for http, wss for https.</summary>
    public static Uri WebSocket(Uri address, string path)
    {
        var builder = new UriBuilder(new Uri(Directory(address), path))
        {
            Scheme = address.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs,
        };
        return builder.Uri;
    }
}
