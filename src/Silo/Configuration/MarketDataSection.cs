using AriaPro.Grains.MarketData;

namespace AriaPro.Silo.Configuration;

/// <summary>Reads the traded symbols and the market data feed.</summary>
internal static class MarketDataSection
{
    /// <summary>Slowest and fastest replay speed.</summary>
    public const double MinSpeed = 0.01, MaxSpeed = 10_000;

    /// <summary>Longest bar: one day.</summary>
    public const double MaxBarSeconds = 86_400;

    public static MarketDataOptions Read(EnvironmentReader reader, Func<string, bool> fileExists)
    {
        var options = new MarketDataOptions();
        var symbolsText = reader.GetRaw(AriaVariables.Symbols);
        if (symbolsText is not null)
        {
            var problems = SymbolParser.ParseList(symbolsText, out var symbols);
            foreach (var problem in problems)
            {
                reader.AddValueError(AriaVariables.Symbols, symbolsText, problem);
            }

            options.Symbols = problems.Count == 0 ? symbols : options.Symbols;
        }

        var feed = reader.Get(AriaVariables.Feed, FeedSpec.Synthetic,
            (string raw, out FeedSpec spec, out string problem) => FeedSpecParser.TryParse(raw, fileExists, out spec, out problem));
        if (feed.CsvSymbol is not null && !reader.HasFailed(AriaVariables.Symbols) && !options.IsKnown(feed.CsvSymbol))
        {
            reader.AddValueError(AriaVariables.Feed, reader.GetRaw(AriaVariables.Feed)!,
                $"{feed.CsvSymbol} is not in {AriaVariables.Symbols} ({string.Join(',', options.Symbols)})");
        }

        options.Feed = feed.Kind;
        options.CsvPath = feed.CsvPath;
        options.CsvSymbol = feed.CsvSymbol;
        options.Speed = reader.GetDouble(AriaVariables.FeedSpeed, options.Speed,
            v => v is >= MinSpeed and <= MaxSpeed, $"must be from {MinSpeed} to {MaxSpeed}");
        options.Seed = reader.GetInt(AriaVariables.FeedSeed, options.Seed, _ => true, string.Empty);
        var barSeconds = reader.GetDouble(AriaVariables.FeedBarSeconds, options.BarInterval.TotalSeconds,
            v => v is > 0 and <= MaxBarSeconds, $"must be a number of seconds greater than 0 and at most {MaxBarSeconds}");
        options.BarInterval = TimeSpan.FromSeconds(barSeconds);
        return options;
    }
}
