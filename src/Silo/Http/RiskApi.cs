using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;
using AriaPro.Silo.Http.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using AriaPro.Grains.Interfaces;
using AriaPro.Silo.Security.Audit;

namespace AriaPro.Silo.Http;

/// <summary>/trading/risk: the portfolio's metrics, and the same metrics for any return series.</summary>
public static class RiskApi
{
    /// <summary>Largest analyze body: 100,000 returns written out in full.</summary>
    public const int MaxAnalyzeBodyBytes = 4 * 1024 * 1024;

    /// <summary>Maps the /trading/risk endpoints.</summary>
    public static RouteGroupBuilder MapRiskApi(this IEndpointRouteBuilder app)
    {
        var risk = app.MapGroup("/trading/risk").WithTags("Risk");
        risk.MapGet("/metrics", GetMetrics).RequireAuthorization(AriaRoles.Viewer)
            .Produces<PortfolioRisk>(StatusCodes.Status200OK, "application/json")
            .ProducesProblems(StatusCodes.Status503ServiceUnavailable);
        risk.MapPost("/analyze", Analyze).RequireAuthorization(AriaRoles.Viewer).Accepts<AnalyzeRequest>("application/json");
        risk.MapPost("/resume", Resume).RequireAuthorization(AriaRoles.Admin).Accepts<ReasonRequest>(isOptional: true, "application/json")
            .ProducesProblems(StatusCodes.Status503ServiceUnavailable);
        return risk;
    }

    // Lifts the kill switch; audited once the risk grain has answered.
    private static async Task<Results<Ok<LossLimitsView>, ValidationProblem>> Resume(HttpRequest request, IGrainFactory grains)
    {
        var (reason, invalid) = await JsonBody.ReadReasonAsync(request, "resumed by an admin");
        if (invalid is not null)
        {
            return invalid;
        }

        var limits = await grains.Of<IRiskGrain>(IRiskGrain.Portfolio).ResumeTrading(reason);
        request.HttpContext.Audit(AuditEventTypes.TradingResumed, "kill switch lifted", ("reason", reason));
        return TypedResults.Ok(limits);
    }

    private static async Task<FileContentHttpResult> GetMetrics(IGrainFactory grains, RiskFiguresJson json) =>
        TypedResults.Bytes(json.For(await grains.Of<IRiskGrain>(IRiskGrain.Portfolio).GetMetrics()), "application/json; charset=utf-8");

    // Pure arithmetic on the caller's own data: no grain holds anything it needs.
    private static async Task<Results<Ok<RiskReport>, ValidationProblem>> Analyze(HttpRequest request, IOptions<RiskOptions> options)
    {
        var (document, error) = await JsonBody.ReadAsync(request, MaxAnalyzeBodyBytes);
        using (document)
        {
            if (error is not null)
            {
                return Problems.Invalid("body", error);
            }

            var defaults = new RiskParameters(VarConfidence: options.Value.VarConfidence, CvarConfidence: options.Value.CvarConfidence);
            var (returns, parameters, errors) = AnalyzeRequestParser.Parse(document!.RootElement, defaults);
            return returns is null
                ? TypedResults.ValidationProblem(errors, title: "The return series is invalid")
                : TypedResults.Ok(RiskMetrics.Compute(returns, parameters!));
        }
    }
}
