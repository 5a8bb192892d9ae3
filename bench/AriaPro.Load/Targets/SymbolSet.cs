namespace AriaPro.Load.Targets;

/// <summary>
/// Thirty currency pairs the symbol catalog knows both currencies of (so each gets a realistic level,
/// pip, spread and volatility); load and soak runs take the first N.
/// </summary>
public static class SymbolSet
{
    public static IReadOnlyList<string> All { get; } =
    [
        "EURUSD", "GBPUSD", "USDJPY", "USDCHF", "AUDUSD", "NZDUSD", "USDCAD", "EURGBP", "EURCHF", "EURJPY",
        "GBPJPY", "USDSEK", "USDNOK", "USDDKK", "USDSGD", "USDHKD", "USDCNH", "USDPLN", "USDCZK", "USDILS",
        "USDHUF", "USDMXN", "USDZAR", "USDTRY", "USDBRL", "USDINR", "USDTHB", "USDKRW", "AUDJPY", "EURAUD",
    ];

    /// <summary>The first <paramref name="count"/> symbols.</summary>
    public static IReadOnlyList<string> First(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, All.Count);
        return [.. All.Take(count)];
    }
}
