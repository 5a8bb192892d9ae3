namespace AriaPro.Grains.Interfaces.Http;

/// <summary>One health check's status and what it saw.</summary>
public sealed record HealthCheckView(string Status, string? Description = null);
