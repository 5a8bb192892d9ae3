using System.Text.RegularExpressions;

namespace AriaPro.Silo.Configuration;

/// <summary>
/// Parses <c>RATE_LIMIT_ENDPOINTS</c>: comma-separated <c>METHOD /route/pattern=LIMIT</c> entries
/// (the pattern as mapped, e.g. <c>GET /trading/orders/{clientOrderId}</c>), or <c>none</c>.
/// </summary>
public static partial class EndpointLimitsParser
{
    /// <summary>The value that turns every endpoint limit off.</summary>
    public const string None = "none";

    /// <summary>A <see cref="ValueParser{T}"/>; keys come back as <c>METHOD /pattern</c> with the method upper-cased.</summary>
    public static bool TryParse(string raw, out IReadOnlyDictionary<string, int> limits, out string problem)
    {
        var parsed = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        limits = parsed;
        problem = string.Empty;
        if (string.Equals(raw, None, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var part in raw.Split(','))
        {
            var entry = part.Trim();
            var match = Entry().Match(entry);
            if (!match.Success)
            {
                problem = $"entry '{entry}' is not METHOD /route=LIMIT (e.g. POST /auth/token=10), or use '{None}'";
                return false;
            }

            if (!int.TryParse(match.Groups["limit"].Value, out var limit) || limit < 1)
            {
                problem = $"entry '{entry}' needs a whole-number limit of at least 1";
                return false;
            }

            var key = match.Groups["method"].Value.ToUpperInvariant() + " " + match.Groups["route"].Value;
            if (!parsed.TryAdd(key, limit))
            {
                problem = $"'{key}' is listed twice";
                return false;
            }
        }

        return true;
    }

    /// <summary>The canonical text of <paramref name="limits"/>, as the start-up log shows it.</summary>
    public static string Format(IReadOnlyDictionary<string, int> limits) => limits.Count == 0
        ? None
        : string.Join(',', limits.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    [GeneratedRegex(@"^(?<method>[A-Za-z]+) +(?<route>/[^\s=]*) *= *(?<limit>[0-9]+)$")]
    private static partial Regex Entry();
}
