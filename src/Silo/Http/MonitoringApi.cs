using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Security;
using System.Globalization;
using AriaPro.Grains.Interfaces.Http;
using AriaPro.Silo.Http.OpenApi;
using AriaPro.Silo.Monitoring;
using AriaPro.Core.Monitoring.Rules;
using AriaPro.Core.Monitoring.Series;
using AriaPro.Silo.Security.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AriaPro.Silo.Http;

/// <summary>
/// /monitoring: Prometheus exposition, the silo's own metric series, alerts and their
/// acknowledgement, and the system status.
/// </summary>
public static class MonitoringApi
{
    /// <summary>Maps the /monitoring endpoints.</summary>
    public static RouteGroupBuilder MapMonitoringApi(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/monitoring/metrics").RequireAuthorization(AriaRoles.Viewer);

        // The resource gauges exist from the start, not from the first status read.
        app.Services.GetRequiredService<ResourceMonitor>();
        var monitoring = app.MapGroup("/monitoring").WithTags("Monitoring");
        monitoring.MapGet("/metrics/{name}", QueryMetric).RequireAuthorization(AriaRoles.Viewer).ProducesProblems(StatusCodes.Status404NotFound);
        monitoring.MapGet("/system/status", GetStatus).RequireAuthorization(AriaRoles.Viewer);
        monitoring.MapGet("/alerts", GetAlerts).RequireAuthorization(AriaRoles.Viewer).ProducesProblems(StatusCodes.Status503ServiceUnavailable);
        monitoring.MapPost("/alerts/{id}/ack", Acknowledge).RequireAuthorization(AriaRoles.Admin)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);
        return monitoring;
    }

    /// <summary>The range a metric query covers when the caller does not say.</summary>
    public static readonly TimeSpan DefaultQueryRange = TimeSpan.FromMinutes(15);

    // The silo's own series of one metric: from and to are ISO 8601 instants (default: the last
    // 15 minutes), step a duration such as 10s or 5m (default: about 300 points).
    private static Results<Ok<MetricQueryResult>, ValidationProblem, ProblemHttpResult> QueryMetric(
        string name, string? from, string? to, string? step, IServiceProvider services, TimeProvider time)
    {
        if (services.GetService<MetricStore>() is not { } store)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "Monitoring is off",
                "this silo keeps no metric series: MONITORING_ENABLED is 0; GET /monitoring/metrics still serves the Prometheus exposition");
        }

        var errors = new Dictionary<string, string[]>();
        var end = ParseInstant(to, "to", errors) ?? time.GetUtcNow();
        var start = ParseInstant(from, "from", errors) ?? end - DefaultQueryRange;
        var resolution = ParseStep(step, errors);
        if (errors.Count == 0 && start >= end)
        {
            errors["from"] = [$"must be before to ({end:O}), not {start:O}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The metric query is invalid");
        }

        if (store.Find(name).Count == 0)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "Unknown metric",
                $"this silo has no series named '{name}'; known: {string.Join(", ", store.Names.Order(StringComparer.Ordinal))}");
        }

        return TypedResults.Ok(store.Query(name, start, end, resolution ?? TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, (end - start).Ticks / 300))));
    }

    private static DateTimeOffset? ParseInstant(string? raw, string field, Dictionary<string, string[]> errors)
    {
        if (raw is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        errors[field] = [$"'{raw}' is not an ISO 8601 instant such as 2026-11-26T08:00:00Z"];
        return null;
    }

    private static TimeSpan? ParseStep(string? raw, Dictionary<string, string[]> errors)
    {
        if (raw is null)
        {
            return null;
        }

        if (Durations.TryParse(raw, out var step) && step > TimeSpan.Zero)
        {
            return step;
        }

        errors["step"] = [$"'{raw}' is not a positive duration such as 500ms, 10s, 5m or 1h"];
        return null;
    }

    private static async Task<Ok<SystemStatus>> GetStatus(SystemStatusReader reader) => TypedResults.Ok(await reader.ReadAsync());

    private static async Task<Ok<AlertsView>> GetAlerts(IGrainFactory grains, GrainCallDeadline deadline) =>
        TypedResults.Ok(await deadline.Await(grains.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).GetAlerts()));

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> Acknowledge(
        string id, HttpContext context, IGrainFactory grains, GrainCallDeadline deadline)
    {
        // The API key id the token was issued for: the same name the audit log gives the admin.
        var by = context.User.FindFirst("sub")?.Value ?? AuditEvent.Anonymous;
        var alert = await deadline.Await(grains.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).Acknowledge(id, by));
        if (alert is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "Unknown alert",
                $"no active or recent alert has the id '{id}'; GET /monitoring/alerts lists them");
        }

        context.Audit(AuditEventTypes.AlertAcknowledged, alert.State.ToString(), ("alertId", alert.Id), ("ruleId", alert.RuleId));
        return TypedResults.Ok(alert);
    }
}
