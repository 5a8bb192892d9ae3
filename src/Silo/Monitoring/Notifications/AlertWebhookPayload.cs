using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>
/// The body a webhook receives: the alert in camelCase JSON, enums as camelCase strings
/// (<c>"critical"</c>, <c>"firing"</c>), label names as they are, plus
/// <c>"event": "alert.firing"</c> or <c>"alert.resolved"</c>; and the idempotency key a retried
/// POST carries again.
/// </summary>
public static class AlertWebhookPayload
{
    /// <summary>The header that lets a receiver drop a retried duplicate.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The serializer settings of the body.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },

        // A detector's value can be NaN or infinite; a webhook must not fail on it.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary><c>alert.firing</c> or <c>alert.resolved</c>.</summary>
    public static string EventName(Alert alert) => "alert." + StateName(alert.State);

    /// <summary>The same for every attempt of one transition, e.g. <c>{id}-firing</c>.</summary>
    public static string IdempotencyKey(Alert alert) => $"{alert.Id}-{StateName(alert.State)}";

    /// <summary>The JSON body.</summary>
    public static string Serialize(Alert alert)
    {
        var body = JsonSerializer.SerializeToNode(alert, JsonOptions)!.AsObject();
        body.Insert(0, "event", EventName(alert));
        return body.ToJsonString(JsonOptions);
    }

    private static string StateName(AlertState state) => state == AlertState.Firing ? "firing" : "resolved";
}
