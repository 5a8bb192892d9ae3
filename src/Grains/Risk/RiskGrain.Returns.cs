using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.Risk;

/// <summary>
/// The returns behind the risk grain's figures: the market data grains' daily windows (the book's
/// scenarios) fetched at most every <see cref="WindowsMaxAge"/>, and the portfolio's own intraday
/// equity samples with the continuous Kelly fraction they give.
/// </summary>
public sealed partial class RiskGrain
{
    private readonly List<double> _intraday = [];
    private (DateTimeOffset At, decimal Equity)? _lastSample;
    private DateTimeOffset _windowsAt = DateTimeOffset.MinValue;
    private Task? _fetching;

    /// <summary>How old the return windows may be (they change once a market day).</summary>
    public static readonly TimeSpan WindowsMaxAge = TimeSpan.FromSeconds(5);

    /// <summary>Time between two intraday equity samples.</summary>
    public static readonly TimeSpan SamplePeriod = TimeSpan.FromMinutes(1);

    /// <summary>Intraday returns kept: one day of one-minute samples.</summary>
    public const int IntradaySamples = 1440;

    /// <summary>One-minute periods in a calendar year: the FX market trades around the clock.</summary>
    public const int MinutesPerYear = 525_600;

    /// <summary>How the intraday metrics are measured and annualised.</summary>
    public const string IntradayBasis =
        "returns between one-minute equity samples (the last 1,440, in memory since the grain activated), annualised over 525,600 minutes a year";

    // The windows change once a market day: fetched again when older than WindowsMaxAge, or when a
    // symbol has none yet. A symbol whose market data does not answer keeps the window it had.
    private async Task RefreshWindows(IEnumerable<string> symbols, DateTimeOffset now)
    {
        // The common case, every order's: current windows, nothing to allocate.
        var current = _book.Windows;
        if (now - _windowsAt < WindowsMaxAge && symbols.All(current.ContainsKey))
        {
            return;
        }

        var wanted = symbols.Distinct().ToList();

        if (_fetching is { } fetching)
        {
            // Reads interleave: one fetch at a time, then look again.
            await fetching;
            await RefreshWindows(wanted, time.GetUtcNow());
            return;
        }

        var fetch = Fetch(wanted, current);
        _fetching = fetch;
        try
        {
            await fetch;
        }
        finally
        {
            _fetching = null;
        }

        _windowsAt = now;
    }

    private async Task Fetch(List<string> wanted, IReadOnlyDictionary<string, ReturnWindow> current)
    {
        var fetched = await Task.WhenAll(wanted.Select(async s =>
        {
            try
            {
                return await GrainFactory.Of<IMarketDataGrain>(s).GetReturns();
            }
            catch (Exception exception)
            {
                LogWindowUnavailable(exception, s);
                return current.GetValueOrDefault(s);
            }
        }));
        var windows = new Dictionary<string, ReturnWindow>(current, StringComparer.Ordinal);
        foreach (var window in fetched.OfType<ReturnWindow>())
        {
            windows[window.Symbol] = window;
        }

        _book.Use(windows);
    }

    // One sample a SamplePeriod, taken by whichever computation comes first after it is due.
    private void Sample(decimal equity, DateTimeOffset now)
    {
        if (_lastSample is { } last && now - last.At < SamplePeriod)
        {
            return;
        }

        if (_lastSample is { Equity: > 0m } previous)
        {
            _intraday.Add((double)(equity / previous.Equity) - 1.0);
            if (_intraday.Count > IntradaySamples)
            {
                _intraday.RemoveRange(0, _intraday.Count - IntradaySamples);
            }
        }

        _lastSample = (now, equity);
    }

    // Kelly from the portfolio's own returns: its daily series once it is long enough, else its
    // intraday samples (the fraction mean / variance does not depend on the sampling period).
    private (double Value, string Source) ContinuousKelly(double daily, double intraday) =>
        State.Returns.Count >= BookRiskCalculator.MinScenarios && double.IsFinite(daily)
            ? (daily, $"continuous: mean / variance of {State.Returns.Count} daily equity returns")
            : _intraday.Count >= BookRiskCalculator.MinScenarios && double.IsFinite(intraday)
                ? (intraday, $"continuous: mean / variance of {_intraday.Count} one-minute equity returns")
                : (double.NaN, string.Empty);
}
