using AriaPro.Silo.Security;
using AriaPro.Silo.Security.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

/// <summary>
/// A minimal ASP.NET Core app on a real loopback socket: the IP filter, a header-to-<c>sub</c> test
/// authentication, the rate limiter, and endpoints that record their store-side admission time.
/// </summary>
internal sealed class RateLimitTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RateLimitTestApp(WebApplication app, Uri address, Admissions admissions, RecordingPenaltyObserver penalties)
    {
        _app = app;
        Admissions = admissions;
        Penalties = penalties;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    /// <summary>Every admitted request: its principal, endpoint and admission time on the store's clock.</summary>
    public Admissions Admissions { get; }

    public RecordingPenaltyObserver Penalties { get; }

    public static async Task<RateLimitTestApp> StartAsync(RateLimitOptions options, string? redis, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var observer = new RecordingPenaltyObserver();
        configure?.Invoke(builder.Services);
        builder.Services.AddSingleton<IPenaltyObserver>(observer);
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAriaRateLimiting(options, redis);

        var app = builder.Build();
        app.UseAriaIpFilter();
        app.UseAuthentication();
        app.UseAriaRateLimiting();

        var admissions = new Admissions();
        IResult Record(HttpContext context)
        {
            var decision = context.Features.Get<RateLimitDecision>()!;
            admissions.Enqueue((RateLimiter.PrincipalOf(context), RateLimiter.EndpointOf(context), decision.At));
            return Results.Ok();
        }

        app.MapGet("/health/live", () => Results.Ok());
        app.MapGet("/work", Record);
        app.MapGet("/other", Record);
        app.MapGet("/items/{id}", (HttpContext context, string id) => Record(context));
        app.MapPost("/trading/orders", Record);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RateLimitTestApp(app, new Uri(address), admissions, observer);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
