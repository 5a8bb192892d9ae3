using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Silo.Configuration;

/// <summary>Parses <c>AUTO_TRADE_POS_LIMITS</c>: <c>SYMBOL:lots</c> pairs separated by commas.</summary>
public static class PositionLimitsParser
{
    /// <summary>
    /// Parses <paramref name="raw"/> (e.g. <c>EURUSD:2,GBPUSD:1.5</c>). Returns one problem per bad
    /// entry; <paramref name="limits"/> holds the good entries keyed by upper-case symbol.
    /// </summary>
    public static IReadOnlyList<string> Parse(string raw, out Dictionary<string, decimal> limits)
    {
        var problems = new List<string>();
        limits = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var entries = raw.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            var problem = ParseEntry(entries[i].Trim(), i + 1, limits);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    private static string? ParseEntry(string entry, int position, Dictionary<string, decimal> limits)
    {
        if (entry.Length == 0)
        {
            return $"entry {position} is empty";
        }

        var colon = entry.IndexOf(':');
        if (colon < 0)
        {
            return $"entry '{entry}' is not SYMBOL:LOTS";
        }

        var lotsText = entry[(colon + 1)..].Trim();
        if (!Symbol.TryParse(entry[..colon], out var parsed, out var error))
        {
            return $"{error} (in entry '{entry}')";
        }

        string symbol = parsed;
        if (lotsText.Length == 0)
        {
            return $"limit for {symbol} is missing";
        }

        if (!EnvironmentReader.TryParseDecimal(lotsText, out var lots))
        {
            return $"limit '{lotsText}' for {symbol} is not a number";
        }

        if (lots < 0)
        {
            return $"limit {lotsText} for {symbol} is negative";
        }

        if (!limits.TryAdd(symbol, lots))
        {
            return $"{symbol} is listed twice";
        }

        return null;
    }
}
