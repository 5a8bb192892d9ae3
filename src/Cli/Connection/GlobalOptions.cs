using System.CommandLine;

namespace AriaPro.Cli.Connection;

/// <summary>The options every command takes: which silo, which token, and JSON instead of tables.</summary>
internal sealed class GlobalOptions
{
    /// <summary>The silo's HTTP address when neither <c>--url</c> nor <c>ARIA_URL</c> says: the silo's own default (<c>ARIA_HTTP_URLS</c>).</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The variable that names the silo.</summary>
    public const string UrlVariable = "ARIA_URL";

    /// <summary>The variable that carries a bearer token.</summary>
    public const string TokenVariable = "ARIA_TOKEN";

    /// <summary><c>--url</c>.</summary>
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The silo's HTTP address [default: ${UrlVariable}, else {DefaultUrl}]",
        HelpName = "address",
        Recursive = true,
    };

    /// <summary><c>--token</c>.</summary>
    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"A bearer token to use instead of the stored login [default: ${TokenVariable}, else the token aria login stored for this address]",
        HelpName = "jwt",
        Recursive = true,
    };

    /// <summary><c>--json</c>.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the silo's answer as JSON instead of a table, for scripts",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command.</summary>
    public void AddTo(RootCommand root)
    {
        root.Options.Add(Url);
        root.Options.Add(Token);
        root.Options.Add(Json);
    }
}
