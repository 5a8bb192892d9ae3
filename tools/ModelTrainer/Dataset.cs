using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Signals.Features;
using AriaPro.Grains.Signals.Models;

namespace AriaPro.ModelTrainer;

/// <summary>
/// The labelled days of a bar series: for each day t with at least <see cref="FeatureSet.BarsNeeded"/>
/// bars before it and a next day, the features of bars[0..t] (as served, see <see cref="OnnxFeatures"/>)
/// and whether close[t+1] &gt; close[t].
/// </summary>
public sealed record Dataset(IReadOnlyList<Bar> Bars, IReadOnlyList<int> Days, IReadOnlyList<TrainingRow> Rows)
{
    /// <summary>Builds every labelled day of <paramref name="bars"/> (oldest first).</summary>
    public static Dataset Build(IReadOnlyList<Bar> bars, IReadOnlyList<string> features)
    {
        var array = bars.ToArray();
        var days = new List<int>();
        var rows = new List<TrainingRow>();
        for (var t = FeatureSet.BarsNeeded; t + 1 < array.Length; t++)
        {
            days.Add(t);
            rows.Add(new TrainingRow
            {
                Features = OnnxFeatures.Compute(new ArraySegment<Bar>(array, 0, t + 1), features),
                Label = array[t + 1].Close > array[t].Close,
            });
        }

        return new Dataset(array, days, rows);
    }
}
