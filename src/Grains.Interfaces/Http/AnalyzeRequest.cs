namespace AriaPro.Grains.Interfaces.Http;

/// <summary>
/// The body of <c>POST /trading/risk/analyze</c>: per-period returns (null is a missing
/// observation) and the conventions to compute with; an absent convention takes the silo's default.
/// </summary>
public sealed record AnalyzeRequest(
    IReadOnlyList<double?> Returns,
    double? RiskFreeRate = null,
    double? RequiredReturn = null,
    int? PeriodsPerYear = null,
    double? VarConfidence = null,
    double? CvarConfidence = null);
