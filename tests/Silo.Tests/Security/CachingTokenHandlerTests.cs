using System.Security.Cryptography;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
using AriaPro.Silo.Security;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AriaPro.Silo.Tests.Security;

/// <summary>
/// A remembered token is served from memory only while it is unexpired and its key is still accepted.
/// Tokens are issued and fully validated by the system clock; only the handler's view of time is
/// moved, so a token it no longer serves from memory is still valid in full and comes back as a
/// fresh parse (a new security token object) instead of the remembered one.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CachingTokenHandlerTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly KeyRing _keys = new(TimeProvider.System);
    private readonly TokenService _tokens;

    public CachingTokenHandlerTests() => _tokens = new TokenService(_keys, TimeProvider.System);

    [Fact]
    public async Task SameTokenTwice_SecondServedFromMemory_WithItsOwnCopyOfTheClaims()
    {
        var handler = Handler();
        var token = Issue(AriaRoles.Trader);

        var first = await handler.ValidateTokenAsync(token, _tokens.ValidationParameters());
        var second = await handler.ValidateTokenAsync(token, _tokens.ValidationParameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Same(first.SecurityToken, second.SecurityToken);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("key-1", second.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value);
        Assert.Equal([AriaRoles.Trader], second.ClaimsIdentity.FindAll(TokenService.RoleClaim).Select(c => c.Value));
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task ClaimAddedDuringOneRequest_DoesNotReachTheNext()
    {
        var handler = Handler();
        var token = Issue(AriaRoles.Viewer);

        var first = await handler.ValidateTokenAsync(token, _tokens.ValidationParameters());
        first.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim(TokenService.RoleClaim, AriaRoles.Admin));
        var second = await handler.ValidateTokenAsync(token, _tokens.ValidationParameters());

        Assert.Equal([AriaRoles.Viewer], second.ClaimsIdentity.FindAll(TokenService.RoleClaim).Select(c => c.Value));
    }

    [Fact]
    public async Task RememberedToken_PastExpiryAndSkew_NotServedFromMemory()
    {
        var handler = Handler();
        var token = Issue(AriaRoles.Viewer);
        var first = await handler.ValidateTokenAsync(token, _tokens.ValidationParameters());

        _time.Advance(TokenService.Lifetime + TokenService.ClockSkew + TimeSpan.FromSeconds(1));
        var late = await handler.ValidateTokenAsync(token, _tokens.ValidationParameters());

        Assert.True(first.IsValid);
        Assert.NotSame(first.SecurityToken, late.SecurityToken);
    }

    [Fact]
    public async Task RememberedToken_InsideTheSkewAfterExpiry_ServedFromMemory()
    {
        var handler = Handler();
        var token = Issue(AriaRoles.Viewer);
        var first = await handler.ValidateTokenAsync(token, _tokens.ValidationParameters());

        _time.Advance(TokenService.Lifetime + TokenService.ClockSkew - TimeSpan.FromSeconds(1));
        var late = await handler.ValidateTokenAsync(token, _tokens.ValidationParameters());

        Assert.True(late.IsValid);
        Assert.Same(first.SecurityToken, late.SecurityToken);
    }

    [Fact]
    public async Task RememberedToken_KeyNoLongerAccepted_RefusedAndForgotten()
    {
        var handler = Handler();
        var token = Issue(AriaRoles.Admin);
        Assert.True((await handler.ValidateTokenAsync(token, _tokens.ValidationParameters())).IsValid);

        _keys.Drop(_keys.Current.Kid);
        var refused = await handler.ValidateTokenAsync(token, _tokens.ValidationParameters());

        Assert.False(refused.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(refused.Exception);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task RememberedToken_KeyReplacedUnderTheSameKid_Refused()
    {
        var handler = Handler();
        var token = Issue(AriaRoles.Admin);
        Assert.True((await handler.ValidateTokenAsync(token, _tokens.ValidationParameters())).IsValid);

        _keys.Replace(_keys.Current.Kid);

        Assert.False((await handler.ValidateTokenAsync(token, _tokens.ValidationParameters())).IsValid);
    }

    [Fact]
    public async Task InvalidToken_NotRemembered()
    {
        var handler = Handler();
        var parts = Issue(AriaRoles.Viewer).Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32))}";

        var result = await handler.ValidateTokenAsync(forged, _tokens.ValidationParameters());

        Assert.False(result.IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task Full_NewTokensStillValidated_AndExpiredOnesMakeRoomAfterASweepPeriod()
    {
        var handler = Handler(capacity: 2);
        var tokens = new List<string> { Issue(AriaRoles.Viewer), Issue(AriaRoles.Viewer) };
        foreach (var token in tokens)
        {
            Assert.True((await handler.ValidateTokenAsync(token, _tokens.ValidationParameters())).IsValid);
        }

        var third = Issue(AriaRoles.Viewer);
        Assert.True((await handler.ValidateTokenAsync(third, _tokens.ValidationParameters())).IsValid);
        Assert.Equal(2, handler.Count);

        // By the handler's clock the first two have expired: the next new token sweeps them out.
        _time.Advance(TokenService.Lifetime + TokenService.ClockSkew + CachingTokenHandler.SweepPeriod);
        var fourth = Issue(AriaRoles.Viewer);
        Assert.True((await handler.ValidateTokenAsync(fourth, _tokens.ValidationParameters())).IsValid);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public void Capacity_NotPositive_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachingTokenHandler(_keys, _time, capacity: 0));

    private CachingTokenHandler Handler(int capacity = CachingTokenHandler.DefaultCapacity) =>
        new(_keys, _time, capacity) { MapInboundClaims = false };

    private string Issue(string role) => _tokens.Issue(new ApiPrincipal("key-1", "test", [role])).Token;

    /// <summary>Keys held in memory: one current key; a test may drop a key or give its kid a new secret.</summary>
    private sealed class KeyRing : IJwtKeys
    {
        private readonly TimeProvider _time;
        private readonly Dictionary<string, JwtSigningKey> _accepted = [];
        private readonly HashSet<string> _revoked = [];

        public KeyRing(TimeProvider time)
        {
            _time = time;
            RotateAsync("first key");
        }

        public JwtSigningKey Current { get; private set; } = null!;

        public JwtSigningKey? Find(string kid) => _accepted.GetValueOrDefault(kid);

        public bool IsRevoked(string jti) => _revoked.Contains(jti);

        public bool IsRevoked(string jti, string? subject, DateTimeOffset? issuedAt) => IsRevoked(jti);

        public void Drop(string kid) => _accepted.Remove(kid);

        public void Replace(string kid) => _accepted[kid] = _accepted[kid] with { Secret = RandomNumberGenerator.GetBytes(32) };

        public Task<JwtKeyRingView> RotateAsync(string reason)
        {
            Current = new JwtSigningKey(Guid.NewGuid().ToString("N"), RandomNumberGenerator.GetBytes(32), _time.GetUtcNow(), null);
            _accepted[Current.Kid] = Current;
            return Task.FromResult(new JwtKeyRingView(Current.Kid, [], null));
        }

        public Task RevokeAsync(string jti, DateTimeOffset expiresAt)
        {
            _revoked.Add(jti);
            return Task.CompletedTask;
        }

        public Task RefreshAsync() => Task.CompletedTask;
    }
}
