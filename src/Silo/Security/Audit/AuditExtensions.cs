using AriaPro.Silo.Hosting;
using AriaPro.Silo.Security.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace AriaPro.Silo.Security.Audit;

/// <summary>Registers the audit log and its sinks.</summary>
public static class AuditExtensions
{
    /// <summary>
    /// The audit log with the file sink (unless <see cref="AuditOptions.FilePath"/> is null), the
    /// Redis stream sink in cluster mode, the <c>security_event</c> stream sink, and the penalty observer.
    /// </summary>
    public static IServiceCollection AddAriaAudit(this IServiceCollection services, AuditOptions options, HostingOptions hosting)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hosting);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);

        // Sinks run in registration order: the file first, so it is written whatever Redis does.
        if (options.FilePath is { } path)
        {
            services.AddSingleton<IAuditSink>(sp =>
                new FileAuditSink(path, options.MaxFileBytes, options.KeepFiles, sp.GetRequiredService<ILogger<FileAuditSink>>()));
        }

        if (hosting.IsCluster)
        {
            services.AddSingleton<IAuditSink>(sp => new RedisAuditSink(sp.GetRequiredService<IConnectionMultiplexer>(), hosting.ServiceId));
        }

        services.AddSingleton<IAuditSink, StreamAuditSink>();
        services.AddSingleton(sp => new AuditLog(sp.GetServices<IAuditSink>(), sp.GetRequiredService<ILogger<AuditLog>>()));
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddHostedService(sp => sp.GetRequiredService<AuditLog>());
        services.AddSingleton<IPenaltyObserver, AuditPenaltyObserver>();
        return services;
    }
}
