using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.MarketData;

/// <summary>
/// Seeded geometric random walk with Markov-switching volatility regimes: long calm stretches and
/// short turbulent ones with <see cref="TurbulenceMultiplier"/> times the volatility and wider
/// spreads. The same seed, symbol, interval and start give the same bars.
/// </summary>
public sealed class SyntheticFeed : IMarketFeed
{
    /// <summary>Name of this feed in snapshots.</summary>
    public const string FeedName = "synthetic";

    /// <summary>Volatility of a turbulent stretch relative to a calm one.</summary>
    public const double TurbulenceMultiplier = 3.0;

    /// <summary>Mean length of a calm stretch, in bars.</summary>
    public const double MeanCalmBars = 300;

    /// <summary>Mean length of a turbulent stretch, in bars.</summary>
    public const double MeanTurbulentBars = 30;

    /// <summary>
    /// A bar moves at least as much as this much market time would, so one-second demo bars
    /// visibly move (about a pip a second on EURUSD) instead of a tenth of a pip.
    /// </summary>
    public static readonly TimeSpan MinimumVolatilityInterval = TimeSpan.FromSeconds(30);

    private const double TradingSecondsPerYear = 252 * 86400.0;
    private const int StepsPerBar = 4;
    private const double BaseVolume = 100;

    private readonly SymbolInfo _info;
    private readonly Random _random;
    private readonly TimeSpan _barInterval;
    private readonly double _calmSigma;
    private double _logPrice;
    private decimal _lastClose;
    private DateTimeOffset _nextTime;
    private bool _turbulent;
    private bool _started;

    /// <summary>Creates a feed whose <see cref="Next"/> bars start at <paramref name="start"/>; history ends just before it.</summary>
    public SyntheticFeed(SymbolInfo info, int seed, TimeSpan barInterval, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(barInterval, TimeSpan.Zero);

        _info = info;
        _random = new Random(seed);
        _barInterval = barInterval;
        _nextTime = start;
        _lastClose = info.InitialPrice;
        _logPrice = Math.Log((double)info.InitialPrice);
        var seconds = Math.Max(barInterval.TotalSeconds, MinimumVolatilityInterval.TotalSeconds);
        _calmSigma = info.AnnualVolatility * Math.Sqrt(seconds / TradingSecondsPerYear);
    }

    /// <inheritdoc />
    public string Name => FeedName;

    /// <inheritdoc />
    public string Symbol => _info.Symbol;

    /// <summary>Standard deviation of one calm bar's log return.</summary>
    public double CalmBarSigma => _calmSigma;

    /// <summary>Creates the feed of <paramref name="symbol"/> seeded from <see cref="MarketDataOptions.Seed"/>.</summary>
    public static SyntheticFeed Create(string symbol, MarketDataOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        var info = SymbolCatalog.Get(symbol);
        return new SyntheticFeed(info, StableHash.Seed(options.Seed, info.Symbol), options.BarInterval, start);
    }

    /// <summary>
    /// The synthetic market's own daily history of <paramref name="symbol"/>: <paramref name="days"/>
    /// daily returns of a walk with one-day bars (the pair's annual volatility / √252 a day, with the
    /// same turbulent stretches), drawn from its own seed so it neither depends on nor disturbs the
    /// bar-level walk. The same seed and symbol give the same returns; the last one is the day before
    /// <paramref name="end"/>.
    /// </summary>
    public static IReadOnlyList<double> DailyReturns(string symbol, MarketDataOptions options, int days, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var info = SymbolCatalog.Get(symbol);
        var start = new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var feed = new SyntheticFeed(info, StableHash.Seed(options.Seed, info.Symbol + "/daily"), TimeSpan.FromDays(1), start);
        var bars = feed.History(days + 1);
        var returns = new double[days];
        for (var i = 0; i < days; i++)
        {
            returns[i] = (double)(bars[i + 1].Bar.Close / bars[i].Bar.Close) - 1.0;
        }

        return returns;
    }

    /// <inheritdoc />
    public IReadOnlyList<FeedBar> History(int count)
    {
        if (_started)
        {
            throw new InvalidOperationException("History can only be taken once, before the first Next.");
        }

        _started = true;
        count = Math.Max(0, count);
        var bars = new List<FeedBar>(count);
        var time = _nextTime - (_barInterval * count);
        for (var i = 0; i < count; i++)
        {
            bars.Add(Generate(time));
            time += _barInterval;
        }

        return bars;
    }

    /// <inheritdoc />
    public FeedBar? Next()
    {
        _started = true;
        var bar = Generate(_nextTime);
        _nextTime += _barInterval;
        return bar;
    }

    private FeedBar Generate(DateTimeOffset time)
    {
        SwitchRegime();
        var sigma = _turbulent ? _calmSigma * TurbulenceMultiplier : _calmSigma;
        var stepSigma = sigma / Math.Sqrt(StepsPerBar);
        var drift = -0.5 * stepSigma * stepSigma;

        var open = _lastClose;
        var high = (double)open;
        var low = (double)open;
        for (var step = 0; step < StepsPerBar; step++)
        {
            _logPrice += drift + (stepSigma * NextGaussian());
            var price = Math.Exp(_logPrice);
            high = Math.Max(high, price);
            low = Math.Min(low, price);
        }

        var close = _info.Round((decimal)Math.Exp(_logPrice));
        var bar = new Bar(
            time,
            open,
            Math.Max(_info.Round((decimal)high), Math.Max(open, close)),
            Math.Min(_info.Round((decimal)low), Math.Min(open, close)),
            close,
            NextVolume());
        _lastClose = close;
        return new FeedBar(bar, NextSpread(), _turbulent);
    }

    private void SwitchRegime()
    {
        var meanStretch = _turbulent ? MeanTurbulentBars : MeanCalmBars;
        if (_random.NextDouble() < 1.0 / meanStretch)
        {
            _turbulent = !_turbulent;
        }
    }

    private decimal NextSpread()
    {
        // Dealers widen quotes when the market is turbulent.
        var factor = _turbulent ? 2.5 + (1.5 * _random.NextDouble()) : 1.0 + (0.3 * _random.NextDouble());
        var spread = _info.Round(_info.Spread * (decimal)factor);
        return Math.Max(spread, _info.Tick);
    }

    private decimal NextVolume()
    {
        var volume = BaseVolume * Math.Exp(0.5 * NextGaussian()) * (_turbulent ? 2.5 : 1.0);
        return Math.Max(1m, Math.Round((decimal)volume, 0, MidpointRounding.AwayFromZero));
    }

    private double NextGaussian()
    {
        // Box-Muller; 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
