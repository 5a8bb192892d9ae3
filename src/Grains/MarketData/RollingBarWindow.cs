using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.MarketData;

/// <summary>The last <see cref="Capacity"/> bars in a ring buffer; adding to a full window drops the oldest.</summary>
public sealed class RollingBarWindow
{
    private readonly FeedBar[] _items;
    private int _start;

    /// <summary>Creates an empty window holding at most <paramref name="capacity"/> bars.</summary>
    public RollingBarWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new FeedBar[capacity];
    }

    /// <summary>Most bars the window keeps.</summary>
    public int Capacity => _items.Length;

    /// <summary>Bars in the window.</summary>
    public int Count { get; private set; }

    /// <summary>The newest bar, or null when the window is empty.</summary>
    public FeedBar? Latest => Count == 0 ? null : this[Count - 1];

    /// <summary>The bar at <paramref name="index"/>, 0 being the oldest.</summary>
    public FeedBar this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _items[(_start + index) % _items.Length];
        }
    }

    /// <summary>Appends <paramref name="bar"/>, dropping the oldest bar when full.</summary>
    public void Add(FeedBar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = bar;
            Count++;
        }
        else
        {
            _items[_start] = bar;
            _start = (_start + 1) % _items.Length;
        }
    }

    /// <summary>Appends every bar of <paramref name="bars"/> in order.</summary>
    public void AddRange(IEnumerable<FeedBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        foreach (var bar in bars)
        {
            Add(bar);
        }
    }

    /// <summary>The latest <paramref name="count"/> bars, oldest first.</summary>
    public IReadOnlyList<Bar> LastBars(int count)
    {
        var take = Math.Clamp(count, 0, Count);
        var bars = new Bar[take];
        for (var i = 0; i < take; i++)
        {
            bars[i] = this[Count - take + i].Bar;
        }

        return bars;
    }

    /// <summary>Closes of the latest <paramref name="count"/> bars, oldest first.</summary>
    public IReadOnlyList<decimal> LastCloses(int count)
    {
        var take = Math.Clamp(count, 0, Count);
        var closes = new decimal[take];
        for (var i = 0; i < take; i++)
        {
            closes[i] = this[Count - take + i].Bar.Close;
        }

        return closes;
    }
}
