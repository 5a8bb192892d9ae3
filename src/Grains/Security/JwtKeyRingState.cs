using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Grains.Security;

/// <summary>Persisted state of the key ring: only sealed secrets, never one in clear.</summary>
[GenerateSerializer, Alias("AriaPro.JwtKeyRingState")]
public sealed class JwtKeyRingState
{
    /// <summary>1, 2, ... for each key set written; 0 before the first key.</summary>
    [Id(0)] public long Version { get; set; }

    /// <summary>The kid new tokens are signed with.</summary>
    [Id(1)] public string CurrentKid { get; set; } = "";

    /// <summary>Every kept key, newest first.</summary>
    [Id(2)] public List<SealedJwtKey> Keys { get; set; } = [];

    /// <summary>Fencing token of the <c>jwt:rotate</c> lock under which the last rotation was written.</summary>
    [Id(3)] public long RotationFence { get; set; }

    /// <summary>The state as the wire record.</summary>
    public SealedJwtKeyRing ToRing() => new(Version, CurrentKid, [.. Keys]);
}
