using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>Registers and places the rate limiter and the IP filter.</summary>
public static class RateLimitingExtensions
{
    /// <summary>
    /// Registers the limiter: a Redis store on <paramref name="redis"/> (the silo's multiplexer when
    /// one is registered), or the in-memory store when it is null.
    /// </summary>
    public static IServiceCollection AddAriaRateLimiting(this IServiceCollection services, RateLimitOptions options, string? redis)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoadSampler>(sp => new ProcessLoadSampler(sp.GetRequiredService<TimeProvider>()));
        services.AddMetrics();
        services.TryAddSingleton<SecurityMetrics>();
        services.AddSingleton<AdaptiveLimits>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton(new IpFilter(options.IpAllow, options.IpDeny));
        if (redis is null)
        {
            services.AddSingleton<IRateLimitStore>(sp => new InMemoryRateLimitStore(options, sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.TryAddSingleton<IConnectionMultiplexer>(_ =>
            {
                var configuration = ConfigurationOptions.Parse(redis);
                configuration.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(configuration);
            });
            services.AddSingleton<IRateLimitStore>(sp => new RedisRateLimitStore(sp.GetRequiredService<IConnectionMultiplexer>(), options));
        }

        return services;
    }

    /// <summary>The rate limiter; place it after UseAuthentication (the principal is the <c>sub</c> claim) and before UseAuthorization.</summary>
    public static IApplicationBuilder UseAriaRateLimiting(this IApplicationBuilder app) =>
        app.UseMiddleware<RateLimitingMiddleware>();

    /// <summary>The IP allow/deny lists (403); place it first, before authentication.</summary>
    public static IApplicationBuilder UseAriaIpFilter(this IApplicationBuilder app) =>
        app.UseMiddleware<IpFilterMiddleware>();

    private static void Validate(RateLimitOptions options)
    {
        if (options.RequestsPerMinute < 1 || options.GlobalPerMinute < 1 || options.StrikeRefusals < 1 || options.QueueThreshold < 1
            || options.EndpointLimits.Values.Any(v => v < 1))
        {
            throw new ArgumentException("Rate limits, strike refusals and the queue threshold must be at least 1.", nameof(options));
        }

        if (options.Window <= TimeSpan.Zero || options.StrikeWindow <= TimeSpan.Zero || options.StrikeMemory <= TimeSpan.Zero
            || options.PenaltyDurations.Count == 0 || options.PenaltyDurations.Any(d => d <= TimeSpan.Zero))
        {
            throw new ArgumentException("Windows, strike memory and every penalty duration must be positive, with at least one penalty level.", nameof(options));
        }
    }
}
