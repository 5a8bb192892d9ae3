using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Silo.Configuration;

/// <summary>Lists of instrument symbols in settings; each entry is a <see cref="Symbol"/>.</summary>
public static class SymbolParser
{
    /// <summary>
    /// Parses a comma separated list such as <c>EURUSD,gbpusd</c>. Returns the problems found (empty
    /// entries, malformed symbols, duplicates, an empty list); <paramref name="symbols"/> holds the good ones.
    /// </summary>
    public static IReadOnlyList<string> ParseList(string raw, out List<string> symbols)
    {
        var problems = new List<string>();
        symbols = [];
        var entries = raw.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (entry.Length == 0)
            {
                problems.Add($"entry {i + 1} is empty");
            }
            else if (!Symbol.TryParse(entry, out var symbol, out var error))
            {
                problems.Add(error);
            }
            else if (symbols.Contains(symbol))
            {
                problems.Add($"{symbol} is listed twice");
            }
            else
            {
                symbols.Add(symbol);
            }
        }

        return problems;
    }
}
