using Orleans.Dashboard;
using System.Text.Json.Serialization;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Events;
using AriaPro.Silo.Http.OpenApi;
using AriaPro.Silo.Monitoring;
using AriaPro.Silo.Security;
using AriaPro.Silo.Security.Audit;
using AriaPro.Silo.Security.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AriaPro.Silo.Http;

/// <summary>The HTTP facade: JSON conventions, problem details, health checks and the endpoint areas.</summary>
public static class FacadeExtensions
{
    /// <summary>Largest request body the facade reads.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Registers the facade's services.</summary>
    public static WebApplicationBuilder AddAriaProFacade(this WebApplicationBuilder builder, AriaSettings settings)
    {
        builder.WebHost.UseUrls(settings.Hosting.HttpUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (settings.Hosting.TlsCertificatePath is not null)
        {
            // The slim builder leaves HTTPS out unless asked.
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = RiskApi.MaxAnalyzeBodyBytes;
            if (settings.Hosting.TlsCertificatePath is { } certificate)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate =
                    System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(certificate, settings.Hosting.TlsCertificatePassword));
            }
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddSingleton<RiskFiguresJson>();
        builder.Services.AddProblemDetails();
        builder.Services.AddAriaOpenApi();
        builder.Services.AddExceptionHandler<FacadeExceptionHandler>();
        builder.Services.AddSingleton(sp => new GrainCallDeadline(sp.GetRequiredService<ILogger<GrainCallDeadline>>(), TimeProvider.System));
        builder.AddAriaProAuth(settings.ApiKeys);
        // Limits and penalties belong to one deployment, as its grain state does: keyed by the
        // service id, so two deployments (or two test clusters) sharing a Redis never share a window.
        settings.RateLimit.RedisKeyPrefix = $"{settings.Hosting.ServiceId}:rl:{{rl}}:";
        builder.Services.AddAriaRateLimiting(settings.RateLimit, settings.Hosting.Redis);
        builder.Services.AddAriaAudit(settings.Audit, settings.Hosting);
        builder.AddAriaMonitoring(settings.Monitoring, settings.Hosting.ServiceId);
        builder.Services.AddAriaEvents(new EventStreamOptions { AllowedOrigins = settings.Hosting.WebSocketOrigins });
        builder.Services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        if (settings.Hosting.IsCluster)
        {
            builder.Services.AddSingleton(sp => new RedisHealthCheck(settings.Hosting.Redis!, settings.Hosting.ServiceId, sp.GetRequiredService<ILogger<RedisHealthCheck>>()));
            builder.Services.AddHostedService<RedisEpochMarker>();
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }

        return builder;
    }

    /// <summary>Maps every endpoint area.</summary>
    public static WebApplication MapAriaProFacade(this WebApplication app)
    {
        app.MapConsole();
        app.MapAriaApiReference();
        app.UseAriaSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAriaIpFilter();
        app.UseAriaMediaTypeProblems();
        app.UseAriaProAuth();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live"), ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapSecurityApi();
        app.MapTradingApi();
        app.MapRiskApi();
        app.MapAiApi();
        app.MapMonitoringApi();
        app.MapAriaEvents();
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(AriaRoles.Admin).ExcludeFromDescription();
        return app;
    }
}
