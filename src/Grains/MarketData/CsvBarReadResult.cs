using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.MarketData;

/// <summary>Bars parsed from a CSV file and the rows that were skipped.</summary>
/// <param name="Bars">Valid bars in file order.</param>
/// <param name="Errors">Malformed rows with their line numbers, in file order.</param>
public sealed record CsvBarReadResult(IReadOnlyList<Bar> Bars, IReadOnlyList<CsvRowError> Errors);
