using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.MarketData;

/// <summary>
/// Market data of one symbol (the grain key). Not persisted: on activation it rebuilds its window
/// from the feed's history, and a timer started by <see cref="Start"/> pulls new bars.
/// </summary>
[GrainType("marketdata")]
public sealed partial class MarketDataGrain(
    IOptions<MarketDataOptions> options,
    MarketFeedFactory feeds,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<MarketDataGrain> logger) : Grain, IMarketDataGrain
{
    /// <summary>Most bars one <see cref="Advance"/> call pulls.</summary>
    public const int MaxAdvanceBars = 100_000;

    private readonly MarketDataOptions _options = options.Value;
    private readonly ILogger<MarketDataGrain> _logger = logger;
    private readonly RollingBarWindow _window = new(Math.Max(1, options.Value.WindowBars));
    private string _symbol = string.Empty;
    private string? _invalidReason;
    private SymbolInfo? _info;
    private IMarketFeed? _feed;
    private FeedPacer? _pacer;
    private IGrainTimer? _timer;
    private bool _started;
    private bool _exhausted;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = Symbol.Normalize(this.GetPrimaryKeyString());

        // An invalid key still activates so every call can answer with the reason.
        _invalidReason = Symbol.Error(_symbol);
        if (_invalidReason is not null)
        {
            LogInvalidSymbol(_symbol, _invalidReason);
            return base.OnActivateAsync(cancellationToken);
        }

        _options.EnsureTraded(_symbol);
        _info = SymbolCatalog.Get(_symbol);
        _feed = feeds.Create(_symbol);
        _window.AddRange(_feed.History(_options.HistoryBars));
        if (_window.Count == 0)
        {
            Pull(1);
        }

        LogActivated(_symbol, _feed.Name, _window.Latest?.Bar.Close ?? _info.InitialPrice, _window.Count);
        return base.OnActivateAsync(cancellationToken);
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
    public Task<int> Advance(int bars)
    {
        EnsureValid();
        return Task.FromResult(Pull(Math.Clamp(bars, 0, MaxAdvanceBars)));
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
    public Task<IReadOnlyList<Bar>> GetBars(int count)
    {
        EnsureValid();
        return Task.FromResult(_window.LastBars(count));
    }

    private Task OnTickAsync(CancellationToken cancellationToken)
    {
        Pull(_pacer!.NextTick());
        return Task.CompletedTask;
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

            _window.Add(next);
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

    private VolatilitySnapshot CurrentVolatility()
    {
        var closes = _window.LastCloses(Math.Max(_options.ShortVolatilityBars, _options.LongVolatilityBars));
        return RealizedVolatility.Snapshot(closes, _options.ShortVolatilityBars, _options.LongVolatilityBars);
    }

    private void EnsureValid()
    {
        if (_invalidReason is not null)
        {
            throw new ArgumentException($"No market data for '{_symbol}': {_invalidReason}");
        }
    }
}
