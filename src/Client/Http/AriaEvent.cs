using System.Text.Json;

namespace AriaPro.Client.Http;

/// <summary>One envelope of the live event stream (<c>GET /ws</c>): its type, when it happened, and its data as the facade wrote it.</summary>
public sealed record AriaEvent(string Type, DateTimeOffset Timestamp, JsonElement Data);
