using System.Globalization;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.MarketData;
using PairSymbol = AriaPro.Grains.Interfaces.Trading.Symbol;

namespace AriaPro.Replay;

/// <summary>One pair's bars: its file, and which of its bars are traded (the rest before them warm the models up).</summary>
internal sealed record ReplaySeries(string CsvPath, string Symbol, IReadOnlyList<Bar> Bars, int FirstIndex, int LastIndex, int SkippedRows)
{
    /// <summary>Bars replayed (traded), from <see cref="FirstIndex"/> to <see cref="LastIndex"/>.</summary>
    public int Count => LastIndex - FirstIndex + 1;
}

/// <summary>Validated options: the pairs and their bars, and which bars are traded.</summary>
internal sealed record ReplayInput(IReadOnlyList<ReplaySeries> Series, int Seed, string FontPath)
{
    /// <summary>Bars replayed (traded), over every pair.</summary>
    public int Count => Series.Sum(s => s.Count);

    /// <summary>The pairs, in the order their files were given.</summary>
    public IReadOnlyList<string> Symbols => [.. Series.Select(s => s.Symbol)];

    /// <summary>The earliest bar of any file: where the trading clock starts.</summary>
    public DateTimeOffset Start => Series.Min(s => s.Bars[0].Time);

    /// <summary>Checks every option and reads the files; throws <see cref="ReplayException"/> naming what is wrong.</summary>
    public static ReplayInput Load(ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var paths = Files(options.CsvPaths);
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new ReplayException("No output directory was given (--out DIR).");
        }

        if (File.Exists(options.OutputDirectory))
        {
            throw new ReplayException($"The output directory '{Path.GetFullPath(options.OutputDirectory)}' is a file.");
        }

        if (options.PaperRejectRate is < 0.0 or > 1.0 || double.IsNaN(options.PaperRejectRate))
        {
            throw new ReplayException(string.Create(CultureInfo.InvariantCulture, $"The paper reject rate {options.PaperRejectRate} is not a share from 0 to 1."));
        }

        if (options.ModelsDirectory is { } models && !Directory.Exists(models))
        {
            throw new ReplayException($"The models directory '{Path.GetFullPath(models)}' does not exist.");
        }

        if (options.Symbol is not null && paths.Count > 1)
        {
            throw new ReplayException($"--symbol names the pair of a single file, and {paths.Count} files were given; name each file after its pair (gbpusd-1m.csv) instead.");
        }

        if (options.From is { } from && options.To is { } to)
        {
            CheckRange(from, to);
        }

        ChartFont.EnsureExists(options.FontPath);
        var series = new List<ReplaySeries>(paths.Count);
        foreach (var path in paths)
        {
            var next = LoadSeries(path, ResolveSymbol(options.Symbol, path), options.From, options.To);
            if (series.FirstOrDefault(s => s.Symbol == next.Symbol) is { } same)
            {
                throw new ReplayException($"Two files price {next.Symbol}: '{same.CsvPath}' and '{path}'; give one file per pair.");
            }

            series.Add(next);
        }

        return new ReplayInput(series, options.Seed, options.FontPath);
    }

    // Files as given, a folder as its *.csv files in name order.
    private static List<string> Files(IReadOnlyList<string> given)
    {
        if (given.Count == 0 || given.Any(string.IsNullOrWhiteSpace))
        {
            throw new ReplayException("No CSV file of bars was given (--csv FILE, once per pair, or a folder of them).");
        }

        var files = new List<string>();
        foreach (var path in given.Select(Path.GetFullPath))
        {
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }

            var inFolder = Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal).ToList();
            if (inFolder.Count == 0)
            {
                throw new ReplayException($"The folder '{path}' holds no .csv file of bars.");
            }

            files.AddRange(inFolder);
        }

        return files;
    }

    private static ReplaySeries LoadSeries(string path, string symbol, DateOnly? from, DateOnly? to)
    {
        var read = Read(path);
        var bars = read.Bars;
        for (var i = 1; i < bars.Count; i++)
        {
            if (bars[i].Time <= bars[i - 1].Time)
            {
                throw new ReplayException($"The bars of '{path}' are not in time order: bar {i + 1} ({Day(bars[i].Time)}) does not come after bar {i} ({Day(bars[i - 1].Time)}).");
            }
        }

        var first = from is { } start ? IndexOfFirst(bars, b => DateOnly.FromDateTime(b.Time.UtcDateTime) >= start) : 0;
        var last = to is { } end ? IndexOfLast(bars, b => DateOnly.FromDateTime(b.Time.UtcDateTime) <= end) : bars.Count - 1;
        if (first < 0 || last < 0 || first > last)
        {
            throw new ReplayException(
                $"No bar of '{path}' lies between {from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the start"} and " +
                $"{to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the end"}; the file covers {Day(bars[0].Time)} to {Day(bars[^1].Time)}.");
        }

        return new ReplaySeries(path, symbol, bars, first, last, read.Errors.Count);
    }

    private static CsvBarReadResult Read(string path)
    {
        CsvBarReadResult read;
        try
        {
            read = CsvBarReader.ReadFile(path);
        }
        catch (FileNotFoundException exception)
        {
            throw new ReplayException($"The CSV file '{path}' does not exist.", exception);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new ReplayException($"The CSV file '{path}' cannot be replayed: {exception.Message}", exception);
        }

        if (read.Bars.Count == 0)
        {
            var reason = read.Errors.Count == 0 ? "it has no rows" : $"all {read.Errors.Count} rows are malformed, e.g. line {read.Errors[0].Line}: {read.Errors[0].Reason}";
            throw new ReplayException($"The CSV file '{path}' holds no valid bar: {reason}.");
        }

        return read;
    }

    private static string ResolveSymbol(string? requested, string path)
    {
        string symbol;
        if (!string.IsNullOrWhiteSpace(requested))
        {
            symbol = PairSymbol.Normalize(requested);
        }
        else
        {
            // eurusd-daily-2005-2018.csv, EURUSD.csv, EURUSD_H1.csv: the leading letters name the pair.
            var leading = new string(Path.GetFileName(path).TakeWhile(char.IsAsciiLetter).ToArray());
            symbol = IsKnownPair(leading) ? PairSymbol.Normalize(leading) : ReplayOptions.DefaultSymbol;
        }

        return KnownPair(symbol);
    }

    /// <summary>Throws a <see cref="ReplayException"/> naming both days when <paramref name="from"/> is after <paramref name="to"/>.</summary>
    internal static void CheckRange(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ReplayException($"The range is empty: --from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}.");
        }
    }

    /// <summary>The pair, upper-cased, when it is a valid symbol of two currencies AriaPro knows; else a <see cref="ReplayException"/> saying which it may be.</summary>
    internal static string KnownPair(string text)
    {
        var symbol = PairSymbol.Normalize(text);
        if (PairSymbol.Error(symbol) is { } reason)
        {
            throw new ReplayException($"Unknown symbol: {reason}");
        }

        if (!IsKnownPair(symbol))
        {
            throw new ReplayException(
                $"Unknown symbol '{symbol}': both currencies must be among {string.Join(", ", SymbolCatalog.KnownCurrencies.Order(StringComparer.Ordinal))}.");
        }

        return symbol;
    }

    private static bool IsKnownPair(string symbol)
    {
        if (!PairSymbol.TryParse(symbol, out var pair))
        {
            return false;
        }

        var normalized = pair.Value;
        var known = SymbolCatalog.KnownCurrencies;
        return known.Contains(normalized[..3]) && known.Contains(normalized[3..]);
    }

    private static int IndexOfFirst(IReadOnlyList<Bar> bars, Func<Bar, bool> match)
    {
        for (var i = 0; i < bars.Count; i++)
        {
            if (match(bars[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfLast(IReadOnlyList<Bar> bars, Func<Bar, bool> match)
    {
        for (var i = bars.Count - 1; i >= 0; i--)
        {
            if (match(bars[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Day(DateTimeOffset time) => ReportHtml.Day(time);
}
