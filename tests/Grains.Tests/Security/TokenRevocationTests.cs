using AriaPro.Grains.Tests.Cluster;

namespace AriaPro.Grains.Tests.Security;

[Collection(SecurityCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TokenRevocationTests(SecurityClusterFixture fixture)
{
    [Fact]
    public async Task RevokeAsync_OnOneSilo_RevokedOnBothSilosWithinOneSecond()
    {
        var jti = Guid.NewGuid().ToString("N");
        var (revoking, other) = (fixture.Keys[0], fixture.Keys[1]);
        Assert.False(other.IsRevoked(jti));

        await revoking.RevokeAsync(jti, fixture.Time.GetUtcNow().AddHours(1));

        Assert.True(revoking.IsRevoked(jti));
        await fixture.SecondSiloSeesWithinOneSecond(keys => keys.IsRevoked(jti), $"revocation of {jti}");
        Assert.False(other.IsRevoked(Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task Revoke_TokenExpires_EntryVanishesEverywhere()
    {
        var jti = Guid.NewGuid().ToString("N");
        await fixture.Keys[0].RevokeAsync(jti, fixture.Time.GetUtcNow().AddMinutes(10));
        await fixture.SecondSiloSeesWithinOneSecond(keys => keys.IsRevoked(jti), $"revocation of {jti}");

        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await fixture.Keys[0].RefreshAsync();
        var listed = await fixture.Revocations.GetRevokedSince(-1);

        Assert.All(fixture.Keys, k => Assert.False(k.IsRevoked(jti)));
        Assert.NotNull(listed);
        Assert.DoesNotContain(jti, listed.Entries.Keys);
        Assert.All(listed.Entries.Values, expiresAt => Assert.True(expiresAt > fixture.Time.GetUtcNow()));
    }

    [Fact]
    public async Task Revoke_AfterAnEntryExpired_ListHoldsOnlyLiveEntries()
    {
        var expiring = Guid.NewGuid().ToString("N");
        await fixture.Revocations.Revoke(expiring, fixture.Time.GetUtcNow().AddMinutes(1));
        fixture.Time.Advance(TimeSpan.FromMinutes(2));

        var kept = Guid.NewGuid().ToString("N");
        await fixture.Revocations.Revoke(kept, fixture.Time.GetUtcNow().AddMinutes(5));
        var listed = await fixture.Revocations.GetRevokedSince(-1);

        Assert.NotNull(listed);
        Assert.Contains(kept, listed.Entries.Keys);
        Assert.DoesNotContain(expiring, listed.Entries.Keys);
    }

    [Fact]
    public async Task Revoke_AlreadyExpiredToken_ChangesNothing()
    {
        var before = await fixture.Revocations.GetRevokedSince(-1);

        await fixture.Revocations.Revoke(Guid.NewGuid().ToString("N"), fixture.Time.GetUtcNow().AddSeconds(-1));

        Assert.Null(await fixture.Revocations.GetRevokedSince(before!.Version));
    }

    [Fact]
    public async Task GetRevokedSince_KnownVersion_AnswersNothingNew()
    {
        await fixture.Revocations.Revoke(Guid.NewGuid().ToString("N"), fixture.Time.GetUtcNow().AddHours(1));
        var current = await fixture.Revocations.GetRevokedSince(-1);

        var again = await fixture.Revocations.GetRevokedSince(current!.Version);

        Assert.Null(again);
    }
}
