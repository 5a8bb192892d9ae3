namespace AriaPro.Grains.MarketData;

/// <summary>Where the bar fields sit in a CSV row, read from the header line.</summary>
internal sealed record CsvColumns(
    char Separator,
    int Count,
    int Time,
    int? TimeOfDay,
    int Open,
    int High,
    int Low,
    int Close,
    int? Volume)
{
    private static readonly string[] TimestampNames = ["datetime", "timestamp", "gmttime", "localtime", "utctime", "timeutc"];
    private static readonly string[] VolumeNames = ["volume", "vol", "tickvol", "tickvolume", "realvolume"];
    private static readonly char[] Separators = [',', ';', '\t'];

    /// <summary>Maps the header; throws <see cref="InvalidDataException"/> when a price column is missing.</summary>
    public static CsvColumns Parse(string header)
    {
        var separator = Separators.MaxBy(s => header.Count(c => c == s));
        var names = header.Split(separator).Select(NormalizeName).ToArray();

        var open = Required(names, "open", header);
        var high = Required(names, "high", header);
        var low = Required(names, "low", header);
        var close = Required(names, "close", header);
        var volume = FirstIndex(names, VolumeNames);
        var (time, timeOfDay) = TimeColumns(names, header);

        return new CsvColumns(separator, names.Length, time, timeOfDay, open, high, low, close, volume);
    }

    /// <summary>Trims a cell and removes the quotes some exporters put around it.</summary>
    public static string Clean(string cell) => cell.Trim().Trim('"').Trim();

    private static (int Time, int? TimeOfDay) TimeColumns(string[] names, string header)
    {
        if (FirstIndex(names, TimestampNames) is { } timestamp)
        {
            return (timestamp, null);
        }

        var date = Array.IndexOf(names, "date");
        var time = Array.IndexOf(names, "time");
        if (date >= 0)
        {
            return (date, time >= 0 ? time : null);
        }

        if (time >= 0)
        {
            return (time, null);
        }

        // Files such as EURUSD.csv put the symbol in the header cell above the dates.
        var first = names[0];
        if (first is "open" or "high" or "low" or "close" || VolumeNames.Contains(first))
        {
            throw new InvalidDataException($"The CSV header has no time column: '{header}'. Name it date, time, datetime or timestamp, or put the time first.");
        }

        return (0, null);
    }

    private static int Required(string[] names, string name, string header)
    {
        var index = Array.IndexOf(names, name);
        if (index < 0)
        {
            throw new InvalidDataException($"The CSV header has no '{name}' column: '{header}'. Expected columns such as Date,Open,High,Low,Close[,Volume].");
        }

        return index;
    }

    private static int? FirstIndex(string[] names, string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            var index = Array.IndexOf(names, candidate);
            if (index >= 0)
            {
                return index;
            }
        }

        return null;
    }

    // "Gmt time", "<DATE>", "Date_Time" and "DATETIME" all become comparable lower-case words.
    private static string NormalizeName(string cell) =>
        new(Clean(cell).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
