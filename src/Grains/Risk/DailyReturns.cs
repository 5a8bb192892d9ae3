using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Risk;

/// <summary>Daily simple returns from a file of daily closes.</summary>
public static class DailyReturns
{
    /// <summary>The closes of a CSV file of bars (see <see cref="CsvBarReader"/> for the formats), oldest first.</summary>
    public static IReadOnlyList<decimal> ReadCloses(string path) =>
        CsvBarReader.ReadFile(path).Bars.OrderBy(b => b.Time).Select(b => b.Close).ToList();

    /// <summary>close[t] / close[t-1] - 1 for the last <paramref name="keep"/> days.</summary>
    public static List<double> FromCloses(IReadOnlyList<decimal> closes, int keep)
    {
        var returns = new List<double>(Math.Max(0, closes.Count - 1));
        for (var i = 1; i < closes.Count; i++)
        {
            returns.Add((double)closes[i] / (double)closes[i - 1] - 1.0);
        }

        return returns.Count > keep ? returns.GetRange(returns.Count - keep, keep) : returns;
    }
}
