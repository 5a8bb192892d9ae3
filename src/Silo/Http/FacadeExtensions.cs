using Orleans.Dashboard;
using System.Text.Json.Serialization;
using AriaPro.Silo.Configuration;
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
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RiskApi.MaxAnalyzeBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<FacadeExceptionHandler>();
        builder.Services.AddSingleton(sp => new GrainCallDeadline(sp.GetRequiredService<ILogger<GrainCallDeadline>>(), TimeProvider.System));
        builder.Services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        if (settings.Hosting.IsCluster)
        {
            builder.Services.AddSingleton(new RedisHealthCheck(settings.Hosting.Redis!));
            builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }

        return builder;
    }

    /// <summary>Maps every endpoint area.</summary>
    public static WebApplication MapAriaProFacade(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapTradingApi();
        app.MapRiskApi();
        app.MapAiApi();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        return app;
    }
}
