using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;

namespace AriaPro.Silo.Configuration;

/// <summary>Parses <c>ARIA_FEED</c>: <c>synthetic</c>, <c>csv:PATH</c> or <c>csv:PATH,SYMBOL</c>.</summary>
public static class FeedSpecParser
{
    private const string CsvPrefix = "csv:";

    /// <summary>
    /// Parses <paramref name="raw"/>. The text after the last comma is the symbol, so a path may not
    /// contain commas. The file must exist according to <paramref name="fileExists"/>.
    /// </summary>
    public static bool TryParse(string raw, Func<string, bool> fileExists, out FeedSpec spec, out string problem)
    {
        spec = FeedSpec.Synthetic;
        problem = string.Empty;
        if (raw.Equals("synthetic", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!raw.StartsWith(CsvPrefix, StringComparison.OrdinalIgnoreCase))
        {
            problem = "must be 'synthetic', 'csv:PATH' or 'csv:PATH,SYMBOL'";
            return false;
        }

        var rest = raw[CsvPrefix.Length..];
        string? symbol = null;
        var comma = rest.LastIndexOf(',');
        if (comma >= 0)
        {
            if (!Symbol.TryParse(rest[(comma + 1)..], out var parsed, out var error))
            {
                problem = error;
                return false;
            }

            symbol = parsed;
            rest = rest[..comma];
        }

        var path = rest.Trim();
        if (path.Length == 0)
        {
            problem = "the CSV file path is missing";
            return false;
        }

        if (!fileExists(path))
        {
            problem = $"the file '{path}' does not exist";
            return false;
        }

        spec = new FeedSpec(FeedKind.Csv, path, symbol);
        return true;
    }
}
