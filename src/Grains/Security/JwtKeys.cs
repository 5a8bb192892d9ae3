using System.Collections.Frozen;
using System.Security.Cryptography;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Security;

/// <summary>
/// This silo's copy of the cluster's signing keys (opened with the master key, held in memory
/// only) and revocations. <see cref="JwtKeysPoller"/> refreshes it every <see cref="PollInterval"/>;
/// a refresh asks each grain only for what changed since the version it holds. Until the first
/// successful load <see cref="Current"/>, <see cref="Find"/> and <see cref="IsRevoked"/> throw
/// <see cref="InvalidOperationException"/>: a silo that cannot reach its keys must refuse tokens,
/// never accept them. <see cref="Ready"/> completes at that first load; the silo does not finish
/// starting before it (<see cref="JwtKeysStartup"/>).
/// </summary>
public sealed partial class JwtKeys(
    IGrainFactory grains,
    JwtKeyRingOptions options,
    SecretCipher cipher,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<JwtKeys> logger) : IJwtKeys
{
    /// <summary>How often every silo polls: a rotation or revocation reaches all silos within two polls.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly ILogger<JwtKeys> _logger = logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile KeySet? _keys;
    private volatile RevokedTokens _revoked = new(0, FrozenDictionary<string, DateTimeOffset>.Empty, FrozenDictionary<string, DateTimeOffset>.Empty);
    private long _refreshes;

    /// <summary>Completes when the keys and revocations were loaded once.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Refreshes completed so far (each one asked both grains).</summary>
    public long Refreshes => Interlocked.Read(ref _refreshes);

    /// <summary>The version of the key set this silo holds (0 before the first load).</summary>
    public long KeyVersion => _keys?.Version ?? 0;

    public JwtSigningKey Current => Loaded.Current;

    public JwtSigningKey? Find(string kid)
    {
        var keys = Loaded;
        return keys.ByKid.TryGetValue(kid, out var key) && KeyRingRules.IsAccepted(key.RetiredAt, time.GetUtcNow(), options.Overlap) ? key : null;
    }

    public bool IsRevoked(string jti)
    {
        _ = Loaded;
        return _revoked.Entries.TryGetValue(jti, out var expiresAt) && expiresAt > time.GetUtcNow();
    }

    public bool IsRevoked(string jti, string? subject, DateTimeOffset? issuedAt) =>
        IsRevoked(jti) || subject is not null && _revoked.Subjects.TryGetValue(subject, out var revokedAt) && !(issuedAt > revokedAt);

    public async Task<JwtKeyRingView> RotateAsync(string reason)
    {
        var view = await grains.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).Rotate(reason);
        await RefreshAsync();
        return view;
    }

    public async Task RevokeAsync(string jti, DateTimeOffset expiresAt)
    {
        await grains.GetGrain<ITokenRevocationGrain>(ITokenRevocationGrain.Cluster).Revoke(jti, expiresAt);
        await RefreshAsync();
    }

    public async Task RefreshAsync()
    {
        await _refresh.WaitAsync();
        try
        {
            var keyRing = grains.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).GetKeysSince(_keys?.Version ?? 0);
            var revoked = grains.GetGrain<ITokenRevocationGrain>(ITokenRevocationGrain.Cluster).GetRevokedSince(_revoked.Version);
            await Task.WhenAll(keyRing, revoked);
            if (await keyRing is { } ring)
            {
                _keys = Open(ring);
                LogKeysLoaded(ring.Version, ring.CurrentKid, ring.Keys.Count);
            }

            if (await revoked is { } list)
            {
                _revoked = new(list.Version, list.Entries.ToFrozenDictionary(StringComparer.Ordinal), list.Subjects.ToFrozenDictionary(StringComparer.Ordinal));
            }
            else if (_revoked.Entries.Values.Any(e => e <= time.GetUtcNow()))
            {
                var now = time.GetUtcNow();
                _revoked = _revoked with { Entries = _revoked.Entries.Where(e => e.Value > now).ToFrozenDictionary(StringComparer.Ordinal) };
            }

            // Revoked subjects stay until the grain drops them: a token's own expiry ends it anyway.
            Interlocked.Increment(ref _refreshes);
            _ready.TrySetResult();
        }
        finally
        {
            _refresh.Release();
        }
    }

    private KeySet Loaded => _keys ?? throw new InvalidOperationException(
        "the JWT signing keys are not loaded yet: this silo has not reached the key ring grain (jwt-key-ring) since it started; tokens can be neither issued nor validated");

    private KeySet Open(SealedJwtKeyRing ring)
    {
        var byKid = new Dictionary<string, JwtSigningKey>(StringComparer.Ordinal);
        foreach (var sealedKey in ring.Keys)
        {
            byte[] secret;
            try
            {
                secret = cipher.Open(sealedKey);
            }
            catch (CryptographicException exception)
            {
                throw new CryptographicException(
                    $"signing key '{sealedKey.Kid}' does not open under this silo's ARIA_MASTER_KEY: the silos do not share one master key, or the stored key was altered", exception);
            }

            byKid[sealedKey.Kid] = new JwtSigningKey(sealedKey.Kid, secret, sealedKey.CreatedAt, sealedKey.RetiredAt);
        }

        if (!byKid.TryGetValue(ring.CurrentKid, out var current))
        {
            throw new InvalidOperationException($"key set {ring.Version} names current key '{ring.CurrentKid}' but does not hold it");
        }

        return new KeySet(ring.Version, current, byKid.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private sealed record KeySet(long Version, JwtSigningKey Current, FrozenDictionary<string, JwtSigningKey> ByKid);

    [LoggerMessage(Level = LogLevel.Information, Message = "JWT key set {Version} loaded: current key {Kid}, {KeyCount} keys")]
    private partial void LogKeysLoaded(long version, string kid, int keyCount);
}
