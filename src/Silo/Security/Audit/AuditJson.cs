using System.Globalization;
using System.Text.Json;

namespace AriaPro.Silo.Security.Audit;

/// <summary>The JSON form of an audit event: one object per line in the file, the details in the Redis stream.</summary>
internal static class AuditJson
{
    /// <summary>Writes <paramref name="auditEvent"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, AuditEvent auditEvent)
    {
        writer.WriteStartObject();
        writer.WriteString("time", Time(auditEvent.Time));
        writer.WriteString("type", auditEvent.Type);
        writer.WriteString("principal", auditEvent.Principal);
        writer.WriteString("remoteIp", auditEvent.RemoteIp);
        writer.WriteString("method", auditEvent.Method);
        writer.WriteString("path", auditEvent.Path);
        writer.WriteString("outcome", auditEvent.Outcome);
        writer.WritePropertyName("details");
        WriteDetails(writer, auditEvent.Details);
        writer.WriteEndObject();
    }

    /// <summary>The details as a JSON object text.</summary>
    public static string Details(IReadOnlyDictionary<string, string> details)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteDetails(writer, details);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Round-trip UTC time text.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static void WriteDetails(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> details)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in details)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }
}
