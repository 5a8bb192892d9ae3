using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AriaPro.Silo.Tests.OpenApi;

/// <summary>
/// Wraps a test host's whole pipeline (an <see cref="IStartupFilter"/>): records the route pattern,
/// method and status of every response the host starts, as the server produced it, and, for a
/// request carrying <see cref="FaultHeader"/>, hands the handlers a grain factory whose grains fail
/// (<see cref="FaultyGrainFactory"/>), so the facade's real answer to a failing cluster is what is recorded.
/// </summary>
public sealed class ResponseRecorder : IStartupFilter
{
    /// <summary>The request header that makes every grain call of that request fail: <c>timeout</c> or <c>lock</c>.</summary>
    public const string FaultHeader = "X-Aria-Test-Grain-Fault";

    private readonly ConcurrentDictionary<ProducedResponse, int> _produced = new();

    /// <summary>Every (method, route, status) produced so far, with how often.</summary>
    public IReadOnlyDictionary<ProducedResponse, int> Produced => _produced;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(FaultHeader, out var fault))
            {
                context.RequestServices = new FaultyServices(context.RequestServices, FaultyGrainFactory.Failing(Fault(fault.ToString())));
            }

            context.Response.OnStarting(() =>
            {
                // The exception handler clears the endpoint before it writes its problem; its feature keeps it.
                if ((context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint) is RouteEndpoint endpoint)
                {
                    var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                    _produced.AddOrUpdate(new ProducedResponse(context.Request.Method, route, context.Response.StatusCode), 1, (_, n) => n + 1);
                }

                return Task.CompletedTask;
            });
            await nextMiddleware(context);
        });
        next(app);
    };

    private static Exception Fault(string name) => name switch
    {
        "timeout" => new TimeoutException("injected by the contract test: the grain did not answer"),
        "lock" => new AriaPro.Grains.Locks.LockUnavailableException("models:reload", TimeSpan.FromSeconds(10)),
        _ => throw new ArgumentException($"unknown fault '{name}'; {FaultHeader} is timeout or lock", nameof(name)),
    };
}

/// <summary>One response as the server produced it: the method, the endpoint's route pattern and the status.</summary>
public sealed record ProducedResponse(string Method, string Route, int Status);
