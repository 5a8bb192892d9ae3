namespace AriaPro.Cli;

/// <summary>
/// Command-line tokens split into positionals and <c>--name value</c> / <c>--name=value</c> options.
/// Options are taken by name; whatever is left over at the end is unknown.
/// </summary>
internal sealed class ArgumentTokens
{
    private static readonly HashSet<string> Flags = ["--help"];

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private ArgumentTokens()
    {
    }

    /// <summary>Tokens that are not options, in order.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>Option names nobody took.</summary>
    public IEnumerable<string> Remaining => _options.Keys;

    /// <summary>Splits <paramref name="args"/>; fails on a repeated option or an option without a value.</summary>
    public static bool TrySplit(IReadOnlyList<string> args, out ArgumentTokens tokens, out string error)
    {
        tokens = new ArgumentTokens();
        error = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "-h")
            {
                token = "--help";
            }

            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                tokens.Positionals.Add(token);
                continue;
            }

            string name, value;
            var equals = token.IndexOf('=');
            if (equals > 0)
            {
                (name, value) = (token[..equals], token[(equals + 1)..]);
            }
            else if (Flags.Contains(token))
            {
                (name, value) = (token, string.Empty);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                (name, value) = (token, args[++i]);
            }
            else
            {
                error = $"{token} needs a value";
                return false;
            }

            if (!tokens._options.TryAdd(name.ToLowerInvariant(), value))
            {
                error = $"{name} is given more than once";
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the flag or option is present; marks it as taken.</summary>
    public bool TakeFlag(string name) => _options.Remove(name);

    /// <summary>The option's value, or null when absent; marks it as taken.</summary>
    public string? Take(string name) => _options.Remove(name, out var value) ? value : null;
}
