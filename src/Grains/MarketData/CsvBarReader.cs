using System.Globalization;
using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.MarketData;

/// <summary>
/// Reads OHLC bars from CSV. The header names the columns (any case, other columns ignored); when
/// no header cell names the time, the first column is the time. Malformed rows are reported with
/// their line number and skipped, never thrown; a missing price column is an
/// <see cref="InvalidDataException"/>.
/// </summary>
public static class CsvBarReader
{
    private const NumberStyles NumberStyle = NumberStyles.Float;

    /// <summary>Reads the file at <paramref name="path"/>; throws when it is missing or unreadable.</summary>
    public static CsvBarReadResult ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CSV bar file '{Path.GetFullPath(path)}' does not exist.", path);
        }

        try
        {
            using var reader = new StreamReader(path);
            return Read(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The CSV bar file '{Path.GetFullPath(path)}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Reads bars from <paramref name="reader"/>; the first non-blank line is the header.</summary>
    public static CsvBarReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        string? line;
        do
        {
            line = reader.ReadLine();
            lineNumber++;
        }
        while (line is not null && string.IsNullOrWhiteSpace(line));

        if (line is null)
        {
            throw new InvalidDataException("The CSV file is empty; expected a header such as Date,Open,High,Low,Close,Volume.");
        }

        var columns = CsvColumns.Parse(line);
        var bars = new List<Bar>();
        var errors = new List<CsvRowError>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var error = TryParseRow(line, columns, out var bar);
            if (error is null)
            {
                bars.Add(bar!);
            }
            else
            {
                errors.Add(new CsvRowError(lineNumber, error));
            }
        }

        return new CsvBarReadResult(bars, errors);
    }

    private static string? TryParseRow(string line, CsvColumns columns, out Bar? bar)
    {
        bar = null;
        var cells = line.Split(columns.Separator);
        if (cells.Length != columns.Count)
        {
            return $"expected {columns.Count} columns, found {cells.Length}";
        }

        var timeText = CsvColumns.Clean(cells[columns.Time]);
        if (columns.TimeOfDay is { } timeOfDay)
        {
            timeText = $"{timeText} {CsvColumns.Clean(cells[timeOfDay])}";
        }

        if (!CsvDateParser.TryParse(timeText, out var time))
        {
            return $"'{timeText}' is not a supported date or time";
        }

        if (Price(cells, columns.Open, "open", out var open) is { } openError)
        {
            return openError;
        }

        if (Price(cells, columns.High, "high", out var high) is { } highError)
        {
            return highError;
        }

        if (Price(cells, columns.Low, "low", out var low) is { } lowError)
        {
            return lowError;
        }

        if (Price(cells, columns.Close, "close", out var close) is { } closeError)
        {
            return closeError;
        }

        if (high < low)
        {
            return string.Create(CultureInfo.InvariantCulture, $"high {high} is below low {low}");
        }

        var volume = 0m;
        if (columns.Volume is { } volumeColumn)
        {
            var text = CsvColumns.Clean(cells[volumeColumn]);
            if (text.Length > 0 && (!decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out volume) || volume < 0))
            {
                return $"volume '{text}' is not a non-negative number";
            }
        }

        // Some sources print an open or close a tick outside the high-low range; widen the range
        // so every bar downstream satisfies Low <= Open, Close <= High.
        bar = new Bar(time, open, Math.Max(high, Math.Max(open, close)), Math.Min(low, Math.Min(open, close)), close, volume);
        return null;
    }

    private static string? Price(string[] cells, int column, string name, out decimal value)
    {
        var text = CsvColumns.Clean(cells[column]);
        if (!decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out value))
        {
            return $"{name} '{text}' is not a number";
        }

        return value <= 0 ? $"{name} {value.ToString(CultureInfo.InvariantCulture)} is not positive" : null;
    }
}
