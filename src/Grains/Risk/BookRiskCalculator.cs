using System.Buffers;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;

namespace AriaPro.Grains.Risk;

/// <summary>
/// The book's 1-day risk as the risk grain reports it and the pre-trade budget holds orders to:
/// historical simulation over the symbols' daily return windows when every symbol held has at least
/// <see cref="MinScenarios"/> days, else the catalog's volatilities at correlation 1, with the
/// reason named. Pure: the windows, confidences and equity are given.
/// </summary>
public sealed class BookRiskCalculator(double varConfidence, double cvarConfidence, int lookbackDays)
{
    /// <summary>Fewest days of returns a symbol's window needs before its scenarios are trusted.</summary>
    public const int MinScenarios = 20;

    private readonly double _z = ExposureVar.Z(varConfidence);

    private const string NoWindow = "no return window yet";
    private Dictionary<string, double[]> _daily = new(StringComparer.Ordinal);
    private Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    /// <summary>The windows the figures are computed from, by symbol.</summary>
    public IReadOnlyDictionary<string, ReturnWindow> Windows { get; private set; } = new Dictionary<string, ReturnWindow>(StringComparer.Ordinal);

    /// <summary>Computes from <paramref name="windows"/> from now on.</summary>
    public void Use(IReadOnlyDictionary<string, ReturnWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        _daily = windows.ToDictionary(w => w.Key, w => w.Value.Daily.ToArray(), StringComparer.Ordinal);
        _sources = windows.ToDictionary(w => w.Key, w => $"{w.Value.Daily.Count} days: {w.Value.Source}", StringComparer.Ordinal);
        Windows = windows;
    }

    /// <summary>The risk of <paramref name="exposures"/> (signed notionals in the account currency) at <paramref name="equity"/>.</summary>
    public BookRisk Of(IReadOnlyList<Exposure> exposures, decimal equity, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        var held = exposures.Where(e => e.Notional != 0m).ToList();
        var windows = Windows;
        var sources = new Dictionary<string, string>(held.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var symbol in held.Select(e => e.Symbol))
        {
            if (sources.TryAdd(symbol, _sources.GetValueOrDefault(symbol, NoWindow))
                && (!windows.TryGetValue(symbol, out var w) || w.Daily.Count < MinScenarios))
            {
                (missing ??= []).Add(symbol);
            }
        }

        if (missing is not null)
        {
            missing.Sort(StringComparer.Ordinal);
            var catalog = Math.Round(held.Sum(e => ExposureVar.Of(e.Symbol, e.Notional, _z)), 2);
            var fallback = $"no return window of at least {MinScenarios} days for {string.Join(", ", missing)}";
            return new(BookRisk.CatalogVolatility, 0, lookbackDays, null, asOf, catalog, catalog, catalog, catalog,
                Fraction(catalog, equity), Fraction(catalog, equity), fallback, sources);
        }

        var end = held.Count == 0 ? null : held.Select(e => windows[e.Symbol].LastDay).Min();
        var figures = ScenarioRisk.Compute(held, _daily, varConfidence, cvarConfidence);
        if (figures is null)
        {
            return new(BookRisk.HistoricalSimulation, 0, lookbackDays, end, asOf, 0m, 0m, 0m, 0m, 0.0, 0.0, null, sources);
        }

        var var = Money(figures.Var);
        var cvar = Money(figures.Cvar);
        return new(BookRisk.HistoricalSimulation, figures.Scenarios, lookbackDays, end, asOf, var, cvar,
            Money(figures.ParametricVar), Money(figures.CornishFisherVar), Fraction(var, equity), Fraction(cvar, equity), null, sources);
    }

    /// <summary>
    /// Only <see cref="BookRisk.Var"/> of <see cref="Of"/>, by the same method, with none of the other
    /// figures: what the pre-trade check needs twice per order.
    /// </summary>
    public decimal VarOf(IReadOnlyList<Exposure> exposures)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        var trusted = true;
        var held = false;
        foreach (var e in exposures)
        {
            if (e.Notional != 0m)
            {
                held = true;
                trusted &= _daily.TryGetValue(e.Symbol, out var days) && days.Length >= MinScenarios;
            }
        }

        if (!held)
        {
            return 0m;
        }

        if (!trusted)
        {
            return Math.Round(exposures.Sum(e => ExposureVar.Of(e.Symbol, e.Notional, _z)), 2);
        }

        // Priced on every order: the scenarios go into a pooled buffer, not a new array.
        var scenarios = ScenarioRisk.Days(exposures, _daily);
        var buffer = ArrayPool<double>.Shared.Rent(scenarios);
        try
        {
            var pnl = buffer.AsSpan(0, scenarios);
            ScenarioRisk.ProfitAndLoss(exposures, _daily, pnl);
            return Money(RiskMetrics.HistoricalVar(pnl, varConfidence));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>How the figure was computed, for a denial's reason: the method and its window, or the fallback and why.</summary>
    public static string Describe(BookRisk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.Fallback is { } why
            ? $"{risk.Method}: {why}"
            : risk.WindowEnd is { } end
                ? $"{risk.Method} over {risk.Scenarios} days to {end:yyyy-MM-dd}"
                : risk.Method;
    }

    private static decimal Money(double amount) => double.IsFinite(amount) ? Math.Round((decimal)amount, 2) : 0m;

    private static double Fraction(decimal amount, decimal equity) => equity > 0m ? (double)(amount / equity) : 0.0;
}
