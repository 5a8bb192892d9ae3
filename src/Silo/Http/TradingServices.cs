using System.Runtime.CompilerServices;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using AriaPro.Grains.Interfaces;

namespace AriaPro.Silo.Http;

/// <summary>What the /trading handlers need, bound with <c>[AsParameters]</c>.</summary>
public readonly record struct TradingServices(IGrainFactory Grains, IOptions<MarketDataOptions> Market, GrainCallDeadline Deadline, HttpContext Http)
{
    /// <summary>The trader of a traded symbol (case-insensitive), or a 404 problem.</summary>
    internal bool TryTrader(string symbol, out ITraderGrain trader, out ProblemHttpResult notFound)
    {
        var normalized = Symbol.Normalize(symbol);
        trader = Grains.Of<ITraderGrain>(normalized);
        var reason = Market.Value.NotTraded(normalized);
        notFound = Problems.Create(StatusCodes.Status404NotFound, "Unknown symbol", reason ?? "");
        return reason is null;
    }

    /// <summary>A grain call's result within <see cref="GrainCallDeadline.Limit"/>, else a 503.</summary>
    internal Task<T> Call<T>(Task<T> call, [CallerArgumentExpression(nameof(call))] string operation = "") =>
        Deadline.Await(call, $"{Http.Request.Method} {Http.Request.Path}: {operation}");
}
