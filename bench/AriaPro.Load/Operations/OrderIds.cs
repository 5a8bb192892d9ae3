using System.Globalization;

namespace AriaPro.Load.Operations;

/// <summary>
/// Unique client order ids and alternating sides across the symbols: order <c>n</c> goes to symbol
/// <c>n mod N</c>, buying on even rounds and selling on odd ones, so each symbol's position stays
/// within a lot of flat however long the load runs, and no order is refused by a position limit.
/// </summary>
public sealed class OrderIds(IReadOnlyList<string> symbols, string runId)
{
    private long _next = -1;

    /// <summary>The next order's id, symbol and whether it buys.</summary>
    public (string ClientOrderId, string Symbol, bool Buy) Next()
    {
        var n = Interlocked.Increment(ref _next);
        var symbol = symbols[(int)(n % symbols.Count)];
        var buy = n / symbols.Count % 2 == 0;
        return ($"load-{runId}-{n.ToString(CultureInfo.InvariantCulture)}", symbol, buy);
    }
}
