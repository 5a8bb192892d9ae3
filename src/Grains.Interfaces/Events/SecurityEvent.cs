using System.Collections.Immutable;

namespace AriaPro.Grains.Interfaces.Events;

/// <summary>
/// An entry of the security audit trail (a token issued, an access denied, a key revoked, an order
/// submitted, ...), published on <see cref="AriaStreams.SecurityEvents"/>. The principal is an API
/// key id, never a key or a token.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.SecurityEvent")]
public sealed record SecurityEvent(
    [property: Id(0)] DateTimeOffset Time,
    [property: Id(1)] string Type,
    [property: Id(2)] string Principal,
    [property: Id(3)] string? RemoteIp,
    [property: Id(4)] string? Method,
    [property: Id(5)] string? Path,
    [property: Id(6)] string Outcome,
    [property: Id(7)] ImmutableDictionary<string, string> Details);
