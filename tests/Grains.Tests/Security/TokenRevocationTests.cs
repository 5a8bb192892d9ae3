using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
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

    [Fact]
    public async Task DeleteApiKey_OnOneSilo_ItsEarlierTokensRefusedOnBothWithinOneSecond()
    {
        var registry = fixture.Cluster.Client.GetGrain<IApiKeyRegistryGrain>(0);
        var created = await registry.Create("deleted desk", [AriaRoles.Trader]);
        var issuedAt = fixture.Time.GetUtcNow().AddMinutes(-1);
        var jti = Guid.NewGuid().ToString("N");
        Assert.False(fixture.Keys[1].IsRevoked(jti, created.Id, issuedAt));

        await registry.Revoke(created.Id);
        await fixture.Keys[0].RefreshAsync();

        Assert.True(fixture.Keys[0].IsRevoked(jti, created.Id, issuedAt));
        await fixture.SecondSiloSeesWithinOneSecond(keys => keys.IsRevoked(jti, created.Id, issuedAt), $"deletion of key {created.Id}");
        Assert.True(fixture.Keys[1].IsRevoked(jti, created.Id, issuedAt: null));
        Assert.False(fixture.Keys[1].IsRevoked(jti, "another-key", issuedAt));
    }

    [Fact]
    public async Task RevokeSubject_TokensIssuedAfterward_StillAccepted()
    {
        var subject = $"re-stored-{Guid.NewGuid():N}";
        await fixture.Revocations.RevokeSubject(subject, fixture.Time.GetUtcNow());
        await fixture.Keys[0].RefreshAsync();

        var before = fixture.Keys[0].IsRevoked("any", subject, fixture.Time.GetUtcNow().AddSeconds(-1));
        var after = fixture.Keys[0].IsRevoked("any", subject, fixture.Time.GetUtcNow().AddSeconds(1));

        Assert.True(before);
        Assert.False(after);
    }

    [Fact]
    public async Task RevokeSubject_OnceItsTokensWouldHaveExpired_ForgottenEverywhere()
    {
        var subject = $"lapsing-{Guid.NewGuid():N}";

        await fixture.Revocations.RevokeSubject(subject, fixture.Time.GetUtcNow() - TokenLifetimes.Longest);
        var listed = await fixture.Revocations.GetRevokedSince(-1);

        Assert.NotNull(listed);
        Assert.DoesNotContain(subject, listed.Subjects.Keys);
    }
}
