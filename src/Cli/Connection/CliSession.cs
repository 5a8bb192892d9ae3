using System.CommandLine;
using AriaPro.Client.Http;
using Spectre.Console;

namespace AriaPro.Cli.Connection;

/// <summary>
/// One command's connection: the silo's address (<c>--url</c>, <c>ARIA_URL</c>, the default), the
/// token (<c>--token</c>, <c>ARIA_TOKEN</c>, the stored login for that address), the output mode,
/// and an <see cref="AriaHttpClient"/> carrying the token.
/// </summary>
internal sealed class CliSession : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    private CliSession(CliContext context, Uri url, string? token, bool json)
    {
        Context = context;
        Url = url;
        Token = token;
        Json = json;
        Logins = new LoginStore(context.ConfigDirectory);
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = ConnectTimeout }) { BaseAddress = url, Timeout = RequestTimeout };
        Api = new AriaHttpClient(_http, token);
    }

    /// <summary>The process's consoles and variables.</summary>
    public CliContext Context { get; }

    /// <summary>Standard output.</summary>
    public IAnsiConsole Out => Context.Out;

    /// <summary>The silo's HTTP address, with a trailing slash.</summary>
    public Uri Url { get; }

    /// <summary>The bearer token, or null (only for commands that need none).</summary>
    public string? Token { get; }

    /// <summary>True when <c>--json</c> asked for JSON instead of tables.</summary>
    public bool Json { get; }

    /// <summary>The stored login.</summary>
    public LoginStore Logins { get; }

    /// <summary>The facade, with the token.</summary>
    public AriaHttpClient Api { get; }

    /// <summary>
    /// Resolves the address and the token; with <paramref name="requireToken"/>, no token (or an
    /// expired stored one) is a <see cref="ExitCodes.NotAuthenticated"/> failure before any request.
    /// </summary>
    public static CliSession Open(ParseResult parse, CliContext context, GlobalOptions globals, bool requireToken)
    {
        var url = ResolveUrl(parse.GetValue(globals.Url) ?? context.Variable(GlobalOptions.UrlVariable) ?? GlobalOptions.DefaultUrl);
        var token = parse.GetValue(globals.Token) ?? context.Variable(GlobalOptions.TokenVariable);
        if (token is null && requireToken)
        {
            token = StoredToken(context, url);
        }

        return new CliSession(context, url, token, parse.GetValue(globals.Json));
    }

    /// <summary>The address as written by a person: absolute http or https.</summary>
    public static Uri ResolveUrl(string raw)
    {
        if (!Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException(ExitCodes.Usage, $"'{raw}' is not an http:// or https:// address (--url or {GlobalOptions.UrlVariable})");
        }

        return AriaAddress.Directory(url);
    }

    /// <summary>The address as people read it: without the trailing slash of the root.</summary>
    public static string Display(Uri url) => url.AbsoluteUri.TrimEnd('/');

    private static string StoredToken(CliContext context, Uri url)
    {
        var store = new LoginStore(context.ConfigDirectory);
        var login = store.Load();
        if (login is null || !Uri.TryCreate(login.Url, UriKind.Absolute, out var stored) || AriaAddress.Directory(stored) != url)
        {
            var elsewhere = login is null ? string.Empty : $" (the stored login is for {login.Url})";
            throw new CliException(ExitCodes.NotAuthenticated,
                $"not logged in to {Display(url)}{elsewhere}: run aria login --url {Display(url)}, or pass --token or set {GlobalOptions.TokenVariable}");
        }

        if (login.ExpiresAt <= context.Time.GetUtcNow())
        {
            throw new CliException(ExitCodes.NotAuthenticated,
                $"the login for {Display(url)} expired at {login.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: run aria login --url {Display(url)}");
        }

        return login.Token;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
