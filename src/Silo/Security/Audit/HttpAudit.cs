namespace AriaPro.Silo.Security.Audit;

/// <summary>Records audit events from request handlers and authentication events.</summary>
public static class HttpAudit
{
    /// <summary>Records <paramref name="type"/> for this request, its principal the token's <c>sub</c>.</summary>
    public static void Audit(this HttpContext context, string type, string outcome, params (string Name, string Value)[] details)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        services.GetRequiredService<IAuditLog>().Record(
            AuditEvent.ForRequest(context, services.GetRequiredService<TimeProvider>().GetUtcNow(), type, outcome, details));
    }

    /// <summary>Records <paramref name="type"/> for this request on behalf of the key <paramref name="principal"/> (an anonymous request that proved a key).</summary>
    public static void AuditAs(this HttpContext context, string principal, string type, string outcome, params (string Name, string Value)[] details)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        services.GetRequiredService<IAuditLog>().Record(
            AuditEvent.ForRequest(context, services.GetRequiredService<TimeProvider>().GetUtcNow(), type, outcome, details) with { Principal = principal });
    }
}
