using System.Collections.Concurrent;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.MarketData;

/// <summary>
/// Creates the feed of a symbol from <see cref="MarketDataOptions"/>. Each CSV file is parsed once,
/// on first use, and shared by every symbol that replays it. Register as a singleton.
/// </summary>
public sealed partial class MarketFeedFactory
{
    /// <summary>Malformed rows logged one by one; the rest are only counted.</summary>
    public const int MaxLoggedRowErrors = 5;

    private readonly MarketDataOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MarketFeedFactory> _logger;
    private readonly ConcurrentDictionary<string, Lazy<CsvBarReadResult>> _csv = new(StringComparer.Ordinal);

    /// <summary>Creates the factory; nothing is read until a CSV feed is first created.</summary>
    public MarketFeedFactory(
        IOptions<MarketDataOptions> options,
        [FromKeyedServices(AriaClock.Key)] TimeProvider time,
        ILogger<MarketFeedFactory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Takes <paramref name="read"/> as the content of the CSV file at <paramref name="path"/>, so a
    /// caller that has read it already (a replay) has it neither parsed nor held twice.
    /// </summary>
    public void Use(string path, CsvBarReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _csv[path] = new(() => read);
    }

    /// <summary>True when <paramref name="symbol"/> replays a CSV file rather than the synthetic walk.</summary>
    public bool UsesCsv(string symbol) => CsvFileOf(symbol) is not null;

    // The file a symbol replays: its own in CsvFiles, else the one file for its symbol (or for all).
    private string? CsvFileOf(string symbol)
    {
        if (_options.Feed != FeedKind.Csv)
        {
            return null;
        }

        if (_options.CsvFiles.Count > 0)
        {
            return _options.CsvFiles.GetValueOrDefault(Symbol.Normalize(symbol));
        }

        return string.IsNullOrWhiteSpace(_options.CsvSymbol)
            || string.Equals(Symbol.Normalize(_options.CsvSymbol), Symbol.Normalize(symbol), StringComparison.Ordinal)
            ? _options.CsvPath ?? string.Empty
            : null;
    }

    /// <summary>
    /// A new feed for <paramref name="symbol"/>. Throws <see cref="ArgumentException"/> for an invalid
    /// symbol, and <see cref="IOException"/> or <see cref="InvalidDataException"/> when the CSV file
    /// is missing, unreadable or holds no valid bar.
    /// </summary>
    public IMarketFeed Create(string symbol)
    {
        var info = SymbolCatalog.Get(symbol);
        if (CsvFileOf(info.Symbol) is { } path)
        {
            var bars = _csv.GetOrAdd(path, p => new(() => LoadCsv(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value.Bars;
            return new CsvReplayFeed(info, bars, Path.GetFileName(path));
        }

        if (_options.BarInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The bar interval must be positive (ARIA_FEED_BAR_SECONDS), not {_options.BarInterval}.");
        }

        // Align bars to whole intervals so bar times read naturally (…:00, …:01, …).
        var now = _time.GetUtcNow();
        var start = new DateTimeOffset(now.Ticks - (now.Ticks % _options.BarInterval.Ticks), TimeSpan.Zero);
        return SyntheticFeed.Create(info.Symbol, _options, start);
    }

    private CsvBarReadResult LoadCsv(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException("The CSV feed needs a file: set ARIA_FEED=csv:PATH[,SYMBOL] (MarketDataOptions.CsvPath is empty).");
        }

        var result = CsvBarReader.ReadFile(path);
        if (result.Errors.Count > 0)
        {
            LogMalformedRows(path, result.Errors.Count, result.Bars.Count);
            foreach (var error in result.Errors.Take(MaxLoggedRowErrors))
            {
                LogMalformedRow(path, error.Line, error.Reason);
            }
        }

        if (result.Bars.Count == 0)
        {
            throw new InvalidDataException($"The CSV bar file '{Path.GetFullPath(path)}' holds no valid bar ({result.Errors.Count} malformed rows).");
        }

        LogCsvLoaded(path, result.Bars.Count, result.Bars[0].Time, result.Bars[^1].Time);
        return result;
    }
}
