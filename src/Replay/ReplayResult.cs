using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Replay;

/// <summary>What a replay produced. Everything but <see cref="Elapsed"/> and <see cref="BarsPerSecond"/> depends only on the input and the seed.</summary>
/// <param name="Symbols">The replayed pairs, in the order their files were given.</param>
/// <param name="Sources">Each pair's CSV file name (without its folder).</param>
/// <param name="Seed">The paper broker's seed.</param>
/// <param name="WarmupBars">Bars before the range, fed to the models as history only (over every pair).</param>
/// <param name="Bars">Bars replayed (traded), over every pair.</param>
/// <param name="SkippedRows">Malformed rows of the file, skipped.</param>
/// <param name="Samples">The account after every step (the bars of every pair at one time), in time order.</param>
/// <param name="Orders">Every order the auto-trader sent, in the order it sent them, as its trader finally saw them.</param>
/// <param name="Models">Each signal model's direction accuracy over the replay.</param>
/// <param name="Risk">The risk grain's portfolio metrics after the last bar, exactly as <c>GET /trading/risk/metrics</c> returns them.</param>
/// <param name="Elapsed">Wall-clock time the bars took (not in the report).</param>
public sealed record ReplayResult(
    IReadOnlyList<string> Symbols,
    IReadOnlyList<string> Sources,
    int Seed,
    int WarmupBars,
    int Bars,
    int SkippedRows,
    IReadOnlyList<ReplaySample> Samples,
    IReadOnlyList<OrderView> Orders,
    IReadOnlyList<ModelAccuracy> Models,
    PortfolioRisk Risk,
    TimeSpan Elapsed)
{
    /// <summary>The pairs, comma-separated: <c>EURUSD</c>, or <c>EURUSD,GBPUSD</c>.</summary>
    public string Symbol => string.Join(',', Symbols);

    /// <summary>The pairs as the report titles them: <c>EURUSD</c>, or <c>EURUSD, GBPUSD</c>.</summary>
    public string Pairs => string.Join(", ", Symbols);

    /// <summary>The files' names, comma-separated.</summary>
    public string Source => string.Join(", ", Sources);

    /// <summary>Bars replayed per wall-clock second, over every pair (not in the report).</summary>
    public double BarsPerSecond => Elapsed > TimeSpan.Zero ? Bars / Elapsed.TotalSeconds : double.PositiveInfinity;

    /// <summary>The first replayed bar's time.</summary>
    public DateTimeOffset From => Samples[0].Time;

    /// <summary>The last replayed bar's time.</summary>
    public DateTimeOffset To => Samples[^1].Time;
}
