namespace AriaPro.Silo.Configuration;

/// <summary>Instrument symbols: six ASCII letters, upper-cased (<c>EURUSD</c>).</summary>
public static class SymbolParser
{
    /// <summary>Letters in a symbol.</summary>
    public const int SymbolLength = 6;

    /// <summary>True when <paramref name="text"/> is six ASCII letters in any case.</summary>
    public static bool IsSymbol(string text) => text.Length == SymbolLength && text.All(char.IsAsciiLetter);

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
            else if (!IsSymbol(entry))
            {
                problems.Add($"'{entry}' is not a symbol of {SymbolLength} letters");
            }
            else if (symbols.Contains(entry, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{entry.ToUpperInvariant()} is listed twice");
            }
            else
            {
                symbols.Add(entry.ToUpperInvariant());
            }
        }

        return problems;
    }
}
