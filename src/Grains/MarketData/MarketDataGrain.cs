using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.MarketData;

/// <summary>
/// Market data of one symbol (the grain key). On activation it rebuilds its bar window from the
/// feed's history, and a timer started by <see cref="Start"/> pulls new bars. Its daily return
/// window (the scenarios of the portfolio's historical-simulation risk) is persisted: seeded once
/// from the feed's history, then extended by every market day the bars complete.
/// </summary>
[GrainType("marketdata")]
public sealed partial class MarketDataGrain(
    [PersistentState("returns", AriaStorage.Name)] IPersistentState<DailyReturnsState> returns,
    IOptions<MarketDataOptions> options,
    IOptions<Risk.RiskOptions> riskOptions,
    MarketFeedFactory feeds,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<MarketDataGrain> logger) : Grain, IMarketDataGrain
{
    /// <summary>Most bars one <see cref="Advance"/> call pulls.</summary>
    public const int MaxAdvanceBars = 100_000;

    private readonly MarketDataOptions _options = options.Value;
    private readonly ILogger<MarketDataGrain> _logger = logger;
    private readonly RollingBarWindow _window = new(Math.Max(1, options.Value.WindowBars));
    private VolatilitySnapshot? _volatility;
    private readonly DailyReturnWindow _daily = new(Math.Max(1, riskOptions.Value.LookbackDays));
    private bool _returnsUnsaved;
    private bool _returnsSaveFailing;
    private string _symbol = string.Empty;
    private string? _invalidReason;
    private SymbolInfo? _info;
    private IMarketFeed? _feed;
    private FeedPacer? _pacer;
    private IGrainTimer? _timer;
    private bool _started;
    private bool _exhausted;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = Symbol.Normalize(this.GetPrimaryKeyString());

        // An invalid key still activates so every call can answer with the reason.
        _invalidReason = Symbol.Error(_symbol);
        if (_invalidReason is not null)
        {
            LogInvalidSymbol(_symbol, _invalidReason);
            return;
        }

        _options.EnsureTraded(_symbol);
        _info = SymbolCatalog.Get(_symbol);
        _feed = feeds.Create(_symbol);
        var seeding = DailyReturnWindow.IsEmpty(returns.State);
        if (seeding && !feeds.UsesCsv(_symbol))
        {
            // The synthetic market has no earlier bars to read: its own daily history stands in.
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            _daily.Seed(returns.State, SyntheticFeed.DailyReturns(_symbol, _options, _daily.Capacity, today), today.AddDays(-1),
                $"synthetic daily history (seed {_options.Seed})");
        }

        foreach (var bar in _feed.History(_options.HistoryBars))
        {
            Add(bar);
        }

        if (seeding && feeds.UsesCsv(_symbol))
        {
            returns.State.Source = $"{_feed.Name}: the days before the replay";
        }

        if (_window.Count == 0)
        {
            Pull(1);
        }

        if (seeding || _returnsUnsaved)
        {
            await SaveReturns();
        }

        LogActivated(_symbol, _feed.Name, _window.Latest?.Bar.Close ?? _info.InitialPrice, _window.Count, returns.State.Returns.Count);
    }

    /// <inheritdoc />
    public Task Start()
    {
        EnsureValid();
        if (!_started)
        {
            _started = true;
            _pacer = new FeedPacer(_options.BarInterval, _options.Speed);
            if (!_exhausted)
            {
                _timer = this.RegisterGrainTimer(
                    OnTickAsync,
                    new GrainTimerCreationOptions(_pacer.Period, _pacer.Period) { Interleave = false, KeepAlive = true });
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<int> Advance(int bars)
    {
        EnsureValid();
        var pulled = Pull(Math.Clamp(bars, 0, MaxAdvanceBars));
        await SaveReturns();
        return pulled;
    }

    /// <inheritdoc />
    public Task<Quote> GetQuote()
    {
        EnsureValid();
        return Task.FromResult(CurrentQuote());
    }

    /// <inheritdoc />
    public Task<VolatilitySnapshot> GetVolatility()
    {
        EnsureValid();
        return Task.FromResult(CurrentVolatility());
    }

    /// <inheritdoc />
    public Task<MarketSnapshot> GetSnapshot()
    {
        EnsureValid();
        return Task.FromResult(new MarketSnapshot(CurrentQuote(), CurrentVolatility(), _window.Count, _feed!.Name));
    }

    /// <inheritdoc />
    public Task<ReturnWindow> GetReturns()
    {
        EnsureValid();
        var state = returns.State;
        var closes = _window.LastCloses(_options.LongVolatilityBars + 1);
        var bars = new double[Math.Max(0, closes.Count - 1)];
        for (var i = 0; i < bars.Length; i++)
        {
            bars[i] = (double)(closes[i + 1] / closes[i]) - 1.0;
        }

        var interval = _window.Count >= 2 ? _window[_window.Count - 1].Bar.Time - _window[_window.Count - 2].Bar.Time : TimeSpan.Zero;
        var source = state.ObservedDays == 0 ? state.Source : $"{state.Source}, then {state.ObservedDays} day{(state.ObservedDays == 1 ? "" : "s")} of the feed's bars";
        return Task.FromResult(new ReturnWindow(_symbol, [.. state.Returns], state.LastDay, source, _daily.Capacity, bars, interval));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Bar>> GetBars(int count)
    {
        EnsureValid();
        return Task.FromResult(_window.LastBars(count));
    }

    private Task OnTickAsync(CancellationToken cancellationToken)
    {
        Pull(_pacer!.NextTick());
        return SaveReturns();
    }

    private void Add(FeedBar bar)
    {
        _window.Add(bar);
        _volatility = null;
        _returnsUnsaved |= _daily.Observe(returns.State, bar.Bar.Time, bar.Bar.Close);
    }

    // A completed day is stored once; a failed write is tried again at the next tick or advance,
    // and logged once per outage. A write that failed may still have landed, leaving this
    // activation's ETag behind storage's for good: storage is read again for its ETag, keeping the
    // window this activation holds. The window is derived from the feed, so a day lost with a
    // crashed silo costs one scenario, never a wrong one.
    private async Task SaveReturns()
    {
        if (!_returnsUnsaved)
        {
            return;
        }

        var window = returns.State;
        try
        {
            await returns.WriteStateAsync();
            _returnsUnsaved = false;
            _returnsSaveFailing = false;
        }
        catch (Exception exception)
        {
            if (!_returnsSaveFailing)
            {
                _returnsSaveFailing = true;
                LogReturnsNotSaved(exception, _symbol);
            }

            await ReadAgainKeeping(window);
        }
    }

    private async Task ReadAgainKeeping(DailyReturnsState window)
    {
        try
        {
            await returns.ReadStateAsync();
        }
        catch (Exception)
        {
            // Storage does not answer yet: the next save fails, and reads, again.
        }

        returns.State = window;
    }

    private int Pull(int bars)
    {
        var pulled = 0;
        while (pulled < bars && !_exhausted)
        {
            var next = _feed!.Next();
            if (next is null)
            {
                _exhausted = true;
                _timer?.Dispose();
                _timer = null;
                LogReplayExhausted(_symbol, _feed.Name, _window.Latest?.Bar.Time);
                break;
            }

            Add(next);
            pulled++;
        }

        return pulled;
    }

    private Quote CurrentQuote()
    {
        var latest = _window.Latest
            ?? throw new InvalidOperationException($"The feed {_feed!.Name} has delivered no bar for {_symbol} yet.");

        // Bid rounds down and ask up, so rounding never closes the spread.
        var half = latest.Spread / 2m;
        var bid = Math.Round(latest.Bar.Close - half, _info!.Decimals, MidpointRounding.ToNegativeInfinity);
        var ask = Math.Round(latest.Bar.Close + half, _info.Decimals, MidpointRounding.ToPositiveInfinity);
        return new Quote(_symbol, bid, ask, time.GetUtcNow());
    }

    // Every order asks for it, and it changes only with a bar: computed once per bar.
    private VolatilitySnapshot CurrentVolatility()
    {
        if (_volatility is null)
        {
            var closes = _window.LastCloses(Math.Max(_options.ShortVolatilityBars, _options.LongVolatilityBars));
            _volatility = RealizedVolatility.Snapshot(closes, _options.ShortVolatilityBars, _options.LongVolatilityBars);
        }

        return _volatility;
    }

    private void EnsureValid()
    {
        if (_invalidReason is not null)
        {
            throw new ArgumentException($"No market data for '{_symbol}': {_invalidReason}");
        }
    }
}
