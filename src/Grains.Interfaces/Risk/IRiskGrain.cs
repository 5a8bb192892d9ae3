using AriaPro.Grains.Interfaces.Security;
using Orleans.Concurrency;

namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>
/// One per account (key <c>portfolio</c>): the daily return series of the portfolio's
/// marked-to-market equity, its metrics, the Kelly sizing and the pre-trade VaR budget. Traders
/// push their positions here after every fill; the risk grain never calls a trader, so a trader
/// may ask it before every order.
/// </summary>
[Alias("AriaPro.IRiskGrain")]
public interface IRiskGrain : IGrainWithStringKey
{
    /// <summary>The key of the one portfolio.</summary>
    const string Portfolio = "portfolio";

    /// <summary>Registers the end-of-day reminder; idempotent.</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>Records a trader's position after a fill.</summary>
    [Alias("ReportPosition")]
    Task ReportPosition(PositionReport report);

    /// <summary>Whether an order's added exposure keeps the portfolio's 1-day VaR within budget.</summary>
    [Alias("CheckOrder"), ReadOnly]
    Task<RiskDecision> CheckOrder(RiskCheck check);

    /// <summary>Kelly sizing for a symbol at the current equity.</summary>
    [Alias("GetSizing"), ReadOnly]
    Task<KellySizing> GetSizing(string symbol, decimal price);

    /// <summary>Every metric for the portfolio, marked at current quotes.</summary>
    [Alias("GetMetrics"), ReadOnly, CallerRole(AriaRoles.Viewer, Endpoint = "GET /trading/risk/metrics")]
    Task<PortfolioRisk> GetMetrics();

    /// <summary>
    /// Lifts a tripped kill switch: the symbols it made Reducing are Active again, and both loss
    /// limits are re-armed from the equity now (it becomes the day's start and the peak). Answers
    /// the limits as they stand after; a switch that is not tripped is left as it is.
    /// </summary>
    [Alias("ResumeTrading"), CallerRole(AriaRoles.Admin, Endpoint = "POST /trading/risk/resume")]
    Task<LossLimitsView> ResumeTrading(string reason);

    /// <summary>Closes the day: appends the day's equity return to the series (the reminder calls it).</summary>
    [Alias("CloseDay")]
    Task<PortfolioRisk> CloseDay();
}
