using System.Globalization;
using AriaPro.Replay;

namespace AriaPro.Silo.Tests.Replay;

[Trait("Category", "Unit")]
public sealed class SyntheticBarsTests
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 1, 14);

    [Fact]
    public void Write_TheSameSeed_GivesTheSameBytes_AnotherSeedOrPairOtherBars()
    {
        var first = Text("EURUSD", 7);
        var again = Text("EURUSD", 7);
        var otherSeed = Text("EURUSD", 8);
        var otherPair = Text("GBPUSD", 7);

        Assert.Equal(first, again);
        Assert.NotEqual(Rows(first), Rows(otherSeed));
        Assert.NotEqual(Rows(first).Select(r => r[1..]), Rows(otherPair).Select(r => r[1..]));
    }

    [Fact]
    public void Write_HourBarsOverTwoWeeks_EveryWeekdayHourInOrder_NoWeekend_AndValidBars()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        var written = SyntheticBars.Write(output, "USDJPY", TimeSpan.FromHours(1), From, To, 3);

        var rows = Rows(output.ToString());
        Assert.Equal(SyntheticBars.Header, output.ToString().Split('\n')[0].TrimEnd('\r'));
        Assert.Equal(10 * 24, written); // 2024-01-01 is a Monday: two weeks hold ten weekdays
        Assert.Equal(written, rows.Count);
        var times = rows.Select(r => DateTimeOffset.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), times[0]);
        Assert.Equal(new DateTimeOffset(2024, 1, 12, 23, 0, 0, TimeSpan.Zero), times[^1]);
        Assert.All(times, t => Assert.False(t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{t:O} is a weekend bar"));
        Assert.True(times.Zip(times.Skip(1)).All(p => p.Second > p.First), "bars are not in time order");
        foreach (var row in rows)
        {
            var (open, high, low, close) = (decimal.Parse(row[1], CultureInfo.InvariantCulture), decimal.Parse(row[2], CultureInfo.InvariantCulture),
                decimal.Parse(row[3], CultureInfo.InvariantCulture), decimal.Parse(row[4], CultureInfo.InvariantCulture));
            Assert.True(low <= Math.Min(open, close) && high >= Math.Max(open, close) && low > 0, string.Join(',', row));
        }
    }

    [Fact]
    public void Write_AnEmptyRange_IsRefusedNamingBothDays()
    {
        var refused = Assert.Throws<ReplayException>(() => SyntheticBars.Write(TextWriter.Null, "EURUSD", TimeSpan.FromMinutes(1), To, From, 1));

        Assert.Contains("--from 2024-01-14 is after --to 2024-01-01", refused.Message);
    }

    private static string Text(string symbol, int seed)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        SyntheticBars.Write(output, symbol, TimeSpan.FromMinutes(5), From, To, seed);
        return output.ToString();
    }

    private static List<string[]> Rows(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.TrimEnd('\r').Split(',')).ToList();
}
