using AriaPro.Grains.Interfaces.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AriaPro.Silo.Http;

/// <summary>Writes a health report as its wire record: overall status and each check's status and description.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new HealthReportView(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckView(e.Value.Status.ToString(), e.Value.Description))));
}
