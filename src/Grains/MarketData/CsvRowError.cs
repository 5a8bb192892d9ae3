namespace AriaPro.Grains.MarketData;

/// <summary>A malformed CSV row that was skipped.</summary>
/// <param name="Line">1-based line number in the file (the header is line 1).</param>
/// <param name="Reason">What is wrong with the row.</param>
public sealed record CsvRowError(int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}: {Reason}";
}
