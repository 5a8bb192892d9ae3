using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Locks;
using AriaPro.Grains.Signals.Models;
using AriaPro.Silo.Http.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AriaPro.Silo.Http;

/// <summary>/ai: model health, the latest fused signal per symbol, manual control of a model's breaker, and model reloads.</summary>
public static class AiApi
{
    /// <summary>Maps the /ai endpoints.</summary>
    public static RouteGroupBuilder MapAiApi(this IEndpointRouteBuilder app)
    {
        const int NotFound = StatusCodes.Status404NotFound, Unavailable = StatusCodes.Status503ServiceUnavailable;
        var ai = app.MapGroup("/ai").WithTags("AI");
        ai.MapGet("/models", GetModels).RequireAuthorization(AriaRoles.Viewer).ProducesProblems(Unavailable);
        ai.MapPost("/models/reload", Reload).RequireAuthorization(AriaRoles.Admin).ProducesProblems(StatusCodes.Status409Conflict, Unavailable);
        ai.MapGet("/signals/{symbol}", GetSignal).RequireAuthorization(AriaRoles.Viewer).ProducesProblems(NotFound, Unavailable);
        ai.MapPost("/models/{id}/reset", Reset).RequireAuthorization(AriaRoles.Admin).ProducesProblems(NotFound, Unavailable);
        ai.MapPost("/models/{id}/isolate", Isolate).RequireAuthorization(AriaRoles.Admin)
            .Accepts<ReasonRequest>(isOptional: true, "application/json").ProducesProblems(NotFound, Unavailable);
        return ai;
    }

    private static async Task<Ok<ModelsView>> GetModels(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IModelDeskGrain>(0).GetModels());

    internal static async Task<Results<Ok<ModelReloadResult>, ProblemHttpResult>> Reload(IGrainFactory grains)
    {
        ModelReloadResult result;
        try
        {
            result = await grains.GetGrain<IModelRegistryGrain>(IModelRegistryGrain.Cluster).Reload();
        }
        catch (LockUnavailableException busy)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "Model reload already running",
                $"another reload holds the lock ({busy.Message}); try again when it has finished. GET /ai/models shows the manifest version it wrote.");
        }

        return result.Written
            ? TypedResults.Ok(result)
            : Problems.Create(StatusCodes.Status409Conflict, "Model reload not done", $"{result.Summary}. The cluster keeps serving manifest {result.Manifest.Version}.");
    }

    private static async Task<Results<Ok<SignalView>, ProblemHttpResult>> GetSignal(string symbol, [AsParameters] TradingServices services)
    {
        if (!services.TryTrader(symbol, out _, out var notFound))
        {
            return notFound;
        }

        symbol = Symbol.Normalize(symbol);
        return await services.Grains.GetGrain<ISignalGrain>(symbol).GetLatest() is { } signal
            ? TypedResults.Ok(signal)
            : Problems.Create(StatusCodes.Status404NotFound, "No signal yet", $"no analysis of {symbol} has run yet; the first runs a few seconds after start");
    }

    private static async Task<Results<Ok<ModelHealthView>, ProblemHttpResult>> Reset(string id, IGrainFactory grains, ModelCatalog catalog) =>
        catalog.Find(id) is null ? UnknownModel(id, catalog) : TypedResults.Ok(await grains.GetGrain<IModelGrain>(id).Reset());

    private static async Task<Results<Ok<ModelHealthView>, ProblemHttpResult, ValidationProblem>> Isolate(string id, HttpRequest request, IGrainFactory grains, ModelCatalog catalog)
    {
        if (catalog.Find(id) is null)
        {
            return UnknownModel(id, catalog);
        }

        var (reason, invalid) = await JsonBody.ReadReasonAsync(request, "isolated by an operator");
        return invalid is not null ? invalid : TypedResults.Ok(await grains.GetGrain<IModelGrain>(id).Isolate(reason));
    }

    private static ProblemHttpResult UnknownModel(string id, ModelCatalog catalog) =>
        Problems.Create(StatusCodes.Status404NotFound, "Unknown model", $"no model '{id}'; models: {string.Join(", ", catalog.Ids.Order())}");
}
