using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.MarketData;

/// <summary>
/// Replays parsed bars in order. History takes at most half of them so the replay has bars left
/// to deliver; <see cref="Next"/> returns null once the file is exhausted. The spread is the
/// pair's typical spread from the <see cref="SymbolCatalog"/>.
/// </summary>
public sealed class CsvReplayFeed : IMarketFeed
{
    private readonly IReadOnlyList<Bar> _bars;
    private readonly decimal _spread;
    private int _position;
    private bool _started;

    /// <summary>Creates a replay of <paramref name="bars"/> for <paramref name="info"/>'s symbol, named after <paramref name="source"/>.</summary>
    public CsvReplayFeed(SymbolInfo info, IReadOnlyList<Bar> bars, string source)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);

        _bars = bars;
        _spread = Math.Max(info.Spread, info.Tick);
        Symbol = info.Symbol;
        Name = $"csv:{source}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Symbol { get; }

    /// <summary>Bars not yet delivered.</summary>
    public int Remaining => _bars.Count - _position;

    /// <inheritdoc />
    public IReadOnlyList<FeedBar> History(int count)
    {
        if (_started)
        {
            throw new InvalidOperationException("History can only be taken once, before the first Next.");
        }

        _started = true;
        var take = Math.Clamp(count, 0, _bars.Count / 2);
        var history = new FeedBar[take];
        for (var i = 0; i < take; i++)
        {
            history[i] = Wrap(_bars[i]);
        }

        _position = take;
        return history;
    }

    /// <inheritdoc />
    public FeedBar? Next()
    {
        _started = true;
        return _position < _bars.Count ? Wrap(_bars[_position++]) : null;
    }

    private FeedBar Wrap(Bar bar) => new(bar, _spread, Turbulent: false);
}
