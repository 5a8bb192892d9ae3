namespace AriaPro.Grains.Risk;

/// <summary>One position's exposure: its symbol and its notional in the account currency (negative when short).</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Notional">Signed notional in the account currency.</param>
public readonly record struct Exposure(string Symbol, decimal Notional);

/// <summary>
/// What the book held now can lose in a day, by historical simulation, as positive loss amounts in
/// the account currency: historical VaR and CVaR, and the Gaussian and Cornish-Fisher VaR of the same
/// scenarios. <see cref="Scenarios"/> is how many days of history were applied.
/// </summary>
public sealed record ScenarioFigures(int Scenarios, double Var, double Cvar, double ParametricVar, double CornishFisherVar);

/// <summary>
/// Historical simulation: each of the last N days' returns of every symbol is applied to the
/// positions held now, and the portfolio's P&amp;L of each such scenario is marked; VaR and CVaR are
/// read off that distribution with the same quantile and tail definitions as the return-series
/// metrics (<see cref="RiskMetrics.HistoricalVar"/>, <see cref="RiskMetrics.HistoricalCvar"/>, ties
/// included). The symbols' co-movement is in the scenarios themselves, so a hedged book shows less
/// risk than the sum of its legs without a correlation estimate.
/// </summary>
public static class ScenarioRisk
{
    /// <summary>
    /// The scenario P&amp;L of <paramref name="exposures"/>: scenario d is Σ notional × return of day d.
    /// The symbols' windows are aligned at their ends (the newest day is every symbol's last return),
    /// over the length of the shortest window among the symbols held.
    /// </summary>
    /// <exception cref="ArgumentException">A held symbol has no window.</exception>
    public static double[] ProfitAndLoss(IReadOnlyList<Exposure> exposures, IReadOnlyDictionary<string, double[]> returns)
    {
        var pnl = new double[Days(exposures, returns)];
        ProfitAndLoss(exposures, returns, pnl);
        return pnl;
    }

    /// <summary>
    /// How many scenarios <paramref name="exposures"/> have: the length of the shortest window among
    /// the symbols held; 0 when nothing is held.
    /// </summary>
    /// <exception cref="ArgumentException">A held symbol has no window.</exception>
    public static int Days(IReadOnlyList<Exposure> exposures, IReadOnlyDictionary<string, double[]> returns)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(returns);
        var days = int.MaxValue;
        foreach (var e in exposures)
        {
            if (e.Notional != 0m)
            {
                days = Math.Min(days, Window(e, returns).Length);
            }
        }

        return days == int.MaxValue ? 0 : days;
    }

    /// <summary>
    /// <see cref="ProfitAndLoss(IReadOnlyList{Exposure}, IReadOnlyDictionary{string, double[]})"/>
    /// into <paramref name="pnl"/>, whose length is <see cref="Days"/>: for a pricing on every order
    /// without an allocation.
    /// </summary>
    public static void ProfitAndLoss(IReadOnlyList<Exposure> exposures, IReadOnlyDictionary<string, double[]> returns, Span<double> pnl)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        pnl.Clear();
        foreach (var e in exposures)
        {
            if (e.Notional == 0m)
            {
                continue;
            }

            var notional = (double)e.Notional;
            var window = Window(e, returns);
            var offset = window.Length - pnl.Length;
            for (var d = 0; d < pnl.Length; d++)
            {
                pnl[d] += notional * window[offset + d];
            }
        }
    }

    private static double[] Window(Exposure held, IReadOnlyDictionary<string, double[]> returns) =>
        returns.TryGetValue(held.Symbol, out var window)
            ? window
            : throw new ArgumentException($"no return window for {held.Symbol}, which the book holds", nameof(returns));

    /// <summary>
    /// The figures of <paramref name="exposures"/>: VaR (historical, parametric, Cornish-Fisher) at
    /// <paramref name="confidence"/> and CVaR at <paramref name="cvarConfidence"/> (the same when not
    /// given); null when the book holds nothing or no scenario is available.
    /// </summary>
    public static ScenarioFigures? Compute(
        IReadOnlyList<Exposure> exposures, IReadOnlyDictionary<string, double[]> returns, double confidence, double? cvarConfidence = null)
    {
        var pnl = ProfitAndLoss(exposures, returns);
        return pnl.Length == 0
            ? null
            : new(pnl.Length, RiskMetrics.HistoricalVar(pnl, confidence), RiskMetrics.HistoricalCvar(pnl, cvarConfidence ?? confidence),
                RiskMetrics.ParametricVar(pnl, confidence), RiskMetrics.CornishFisherVar(pnl, confidence));
    }
}
