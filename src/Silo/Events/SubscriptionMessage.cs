using System.Text.Json;

namespace AriaPro.Silo.Events;

/// <summary>
/// A client's change of subscription, <c>{"subscribe":[..]}</c> and/or <c>{"unsubscribe":[..]}</c>,
/// parsed from a text message.
/// </summary>
public sealed record SubscriptionMessage(EventTypeSet Subscribe, EventTypeSet Unsubscribe)
{
    /// <summary>The message in <paramref name="utf8"/>, or null and why it is not one.</summary>
    public static SubscriptionMessage? TryParse(ReadOnlySpan<byte> utf8, out string? error)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "a message must be a JSON object: {\"subscribe\":[...]} or {\"unsubscribe\":[...]}";
                return null;
            }

            EventTypeSet? subscribe = EventTypeSet.None, unsubscribe = EventTypeSet.None;
            var any = false;
            error = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "subscribe":
                        subscribe = Types(property.Value, "subscribe", out error);
                        break;
                    case "unsubscribe":
                        unsubscribe = Types(property.Value, "unsubscribe", out error);
                        break;
                    default:
                        error = $"unknown field '{property.Name}'; a message has 'subscribe' and/or 'unsubscribe'";
                        return null;
                }

                if (error is not null)
                {
                    return null;
                }

                any = true;
            }

            if (!any)
            {
                error = "the message has neither 'subscribe' nor 'unsubscribe'";
                return null;
            }

            return new SubscriptionMessage(subscribe!.Value, unsubscribe!.Value);
        }
        catch (JsonException exception)
        {
            error = $"the message is not JSON: {exception.Message}";
            return null;
        }
        catch (InvalidOperationException)
        {
            // A field name holding a lone surrogate escape (\ud800): valid JSON, but not text.
            error = "the message holds half of a UTF-16 surrogate pair; send well-formed text";
            return null;
        }
    }

    /// <summary>What <paramref name="current"/> becomes: the subscribed types added, then the unsubscribed removed.</summary>
    public EventTypeSet ApplyTo(EventTypeSet current) => current.Union(Subscribe).Except(Unsubscribe);

    private static EventTypeSet? Types(JsonElement value, string field, out string? error)
    {
        if (value.ValueKind != JsonValueKind.Array
            || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || Http.JsonFields.ReadText(e) is null))
        {
            error = $"'{field}' must be an array of event type names";
            return null;
        }

        return EventTypeSet.TryParse(value.EnumerateArray().Select(e => e.GetString()!), out error);
    }
}
