namespace AriaPro.Grains.Interfaces.Http;

/// <summary>The answer of <c>GET /health/live</c> and <c>GET /health/ready</c>: the overall status (Healthy, Degraded, Unhealthy) and each check's.</summary>
public sealed record HealthReportView(string Status, IReadOnlyDictionary<string, HealthCheckView> Checks);
