using System.Text;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Events;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AriaPro.Silo.Http.OpenApi;

/// <summary>
/// Describes <c>GET /ws</c>: the upgrade (101), the envelope every message is, and the event
/// types, listed from <see cref="EventTypes"/> itself. A subscribable type without a known data
/// record fails the document, so a new stream cannot go undocumented.
/// </summary>
internal sealed class EventStreamDescription : IOpenApiOperationTransformer
{
    /// <summary>The record each subscribable type's <c>data</c> is (the record published on its stream).</summary>
    public static readonly IReadOnlyDictionary<string, Type> DataTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [AriaStreams.Alerts] = typeof(Alert),
        [AriaStreams.Performance] = typeof(PerformanceDigest),
        [AriaStreams.CircuitBreaker] = typeof(CircuitBreakerEvent),
        [AriaStreams.SecurityEvents] = typeof(SecurityEvent),
        [AriaStreams.Orders] = typeof(OrderView),
    };

    private const string Tag = "Events";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath != "ws")
        {
            return Task.CompletedTask;
        }

        var document = context.Document!;
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = Tag, Description = "The live event stream over a WebSocket" });
        operation.Tags = new HashSet<OpenApiTagReference> { new(Tag, document) };
        operation.Summary = "The live event stream (WebSocket)";
        operation.Description = Describe();
        operation.Responses = new OpenApiResponses
        {
            ["101"] = new OpenApiResponse { Description = "Switching Protocols: the WebSocket is open; the first message is `welcome`." },
            ["400"] = new OpenApiResponse { Description = ProblemExamples.Description(StatusCodes.Status400BadRequest) },
        };
        return Task.CompletedTask;
    }

    /// <summary>The description: the envelope, the messages a client may send, and every event type.</summary>
    public static string Describe()
    {
        var text = new StringBuilder()
            .AppendLine("Connect with a WebSocket client (`Upgrade: websocket`); `?types=a,b` subscribes to some types (default: all). ")
            .AppendLine("Every message is one JSON envelope in a text frame:")
            .AppendLine()
            .AppendLine("```json")
            .AppendLine("{\"type\": \"order_update\", \"timestamp\": \"2026-11-26T08:00:00+00:00\", \"data\": { ... }}")
            .AppendLine("```")
            .AppendLine()
            .AppendLine("The client may send `{\"subscribe\": [types]}` and/or `{\"unsubscribe\": [types]}` to change its subscription. ")
            .AppendLine("A client too slow for the event rate is closed with 1008 (policy violation).")
            .AppendLine()
            .AppendLine("Event types (subscribable; `data` is the record named, serialized as in the HTTP answers):")
            .AppendLine();
        foreach (var type in EventTypes.All)
        {
            if (!DataTypes.TryGetValue(type, out var data))
            {
                throw new InvalidOperationException($"the event type '{type}' has no data record in {nameof(EventStreamDescription)}.{nameof(DataTypes)}; add it so /ws documents it");
            }

            text.AppendLine($"- `{type}`: `{data.Name}`");
        }

        return text
            .AppendLine()
            .AppendLine("Sent by the silo of its own accord:")
            .AppendLine()
            .AppendLine($"- `{EventTypes.Welcome}`: `{nameof(WelcomeMessage)}` (silo, types), the first message of every connection")
            .AppendLine($"- `{EventTypes.Subscribed}`: `{nameof(SubscribedMessage)}` (types), the answer to a subscription change")
            .AppendLine($"- `{EventTypes.Error}`: `{nameof(ErrorMessage)}` (message), a client message was not understood; the connection stays open")
            .ToString();
    }
}
