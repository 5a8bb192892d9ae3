using System.Buffers;
using System.Text.Json;

namespace AriaPro.Silo.Events;

/// <summary>
/// Writes the JSON envelope every WebSocket message is: <c>{"type":..,"timestamp":..,"data":..}</c>,
/// as UTF-8 bytes ready to send, with the facade's JSON conventions for the data.
/// </summary>
public sealed class EventEnvelope(JsonSerializerOptions json)
{
    /// <summary>The envelope of <paramref name="data"/> as UTF-8 JSON.</summary>
    public byte[] Serialize<T>(string type, DateTimeOffset timestamp, T data)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = json.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("timestamp", timestamp);
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, json);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
