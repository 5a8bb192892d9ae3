namespace AriaPro.Grains.Risk;

/// <summary>Conventions a return series is measured with.</summary>
/// <param name="RiskFreeRate">Per-period risk-free rate subtracted for the Sharpe ratio.</param>
/// <param name="RequiredReturn">Per-period required return for downside risk and Sortino.</param>
/// <param name="PeriodsPerYear">Periods in a year; 252 for daily returns.</param>
/// <param name="VarConfidence">Confidence of the historical, parametric and Cornish-Fisher VaR.</param>
/// <param name="CvarConfidence">Confidence of the CVaR (expected shortfall).</param>
public sealed record RiskParameters(
    double RiskFreeRate = 0.0,
    double RequiredReturn = 0.0,
    int PeriodsPerYear = 252,
    double VarConfidence = 0.95,
    double CvarConfidence = 0.99);
