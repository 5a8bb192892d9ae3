using System.Globalization;
using AriaPro.Grains.MarketData;

namespace AriaPro.Replay;

/// <summary>
/// Long inputs with no data to ship: the synthetic feed's bars for one pair over a range of days,
/// written as a CSV file the replay (and the live CSV feed) reads. The same symbol, interval, range
/// and seed give the same bytes. Bars are drawn for every interval and written on weekdays only
/// (UTC), so Monday opens with the weekend's move as a gap, as a real FX file does. Nothing is held
/// but the bar being written: memory stays flat with the length.
/// </summary>
public static class SyntheticBars
{
    /// <summary>The header of the file.</summary>
    public const string Header = "Date,Open,High,Low,Close,Volume";

    /// <summary>The intervals <c>--bars</c> takes, by name.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> Intervals = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["1m"] = TimeSpan.FromMinutes(1),
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["1h"] = TimeSpan.FromHours(1),
        ["1d"] = TimeSpan.FromDays(1),
    };

    /// <summary>The file name of one pair's bars: the pair first, so the replay takes its symbol from it.</summary>
    public static string FileName(string symbol, string interval, int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"{symbol.ToLowerInvariant()}-{interval}-seed{seed}.csv");

    /// <summary>
    /// Writes the bars of <paramref name="symbol"/> from <paramref name="from"/> to <paramref name="to"/>
    /// (UTC days, both inclusive) to <paramref name="output"/>; returns how many were written.
    /// </summary>
    public static long Write(TextWriter output, string symbol, TimeSpan interval, DateOnly from, DateOnly to, int seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ReplayInput.CheckRange(from, to);

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var feed = SyntheticFeed.Create(symbol, new MarketDataOptions { Seed = seed, BarInterval = interval }, start);
        output.WriteLine(Header);
        long written = 0;
        for (var time = start; time < end; time += interval)
        {
            var bar = feed.Next()!.Bar;
            if (time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{time:yyyy-MM-dd'T'HH:mm:ss'Z'},{bar.Open:0.##########},{bar.High:0.##########},{bar.Low:0.##########},{bar.Close:0.##########},{bar.Volume:0.##}"));
            written++;
        }

        return written;
    }
}
