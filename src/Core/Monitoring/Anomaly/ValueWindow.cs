namespace AriaPro.Core.Monitoring.Anomaly;

/// <summary>The last <c>capacity</c> values in a fixed array; the oldest drops out when full.</summary>
internal sealed class ValueWindow
{
    private readonly double[] _values;
    private int _next;

    public ValueWindow(int capacity)
    {
        _values = new double[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => _values.Length;

    /// <summary>The values held, in no particular order.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count);

    public void Add(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        if (Count < _values.Length)
        {
            Count++;
        }
    }
}
