using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
using AriaPro.Grains.Tests.Cluster;

namespace AriaPro.Grains.Tests.Security;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ApiKeyRegistryGrainTests(ClusterFixture fixture)
{
    // The registry is one grain for the whole cluster; every test here works with keys of its own.
    private IApiKeyRegistryGrain Registry => fixture.Grains.GetGrain<IApiKeyRegistryGrain>(0);

    [Fact]
    public async Task Create_ThenVerify_GivesThePrincipal_AndAWrongSecretNothing()
    {
        var created = await Registry.Create("desk one", [AriaRoles.Trader, AriaRoles.Viewer]);

        var principal = await Registry.Verify(created.ApiKey);
        var wrong = await Registry.Verify(created.ApiKey[..^1] + (created.ApiKey[^1] == 'a' ? 'b' : 'a'));

        Assert.StartsWith($"aria_{created.Id}_", created.ApiKey);
        Assert.Equal(created.Id, principal!.Id);
        Assert.Equal("desk one", principal.Name);
        Assert.Equal([AriaRoles.Trader, AriaRoles.Viewer], principal.Roles);
        Assert.Null(wrong);
    }

    [Fact]
    public async Task Revoke_KeyNoLongerVerifies_AndTheListKeepsItWithoutSecret()
    {
        var created = await Registry.Create("to revoke", [AriaRoles.Viewer]);

        var revoked = await Registry.Revoke(created.Id);
        var again = await Registry.Revoke(created.Id);
        var listed = (await Registry.List()).Single(k => k.Id == created.Id);

        Assert.True(revoked);
        Assert.False(again);
        Assert.Null(await Registry.Verify(created.ApiKey));
        Assert.NotNull(listed.RevokedAt);
    }

    [Theory]
    [InlineData("", "viewer")]
    [InlineData("name", "root")]
    public async Task Create_BadNameOrRole_Refused(string name, string role)
    {
        var before = (await Registry.List()).Count;

        await Assert.ThrowsAsync<ArgumentException>(() => Registry.Create(name, [role]));

        Assert.Equal(before, (await Registry.List()).Count);
    }

    [Fact]
    public void Hash_IsSaltedPerKey()
    {
        var (salt1, hash1) = ApiKeys.Protect("same key");
        var (salt2, hash2) = ApiKeys.Protect("same key");

        Assert.NotEqual(salt1, salt2);
        Assert.NotEqual(hash1, hash2);
        Assert.True(ApiKeys.Matches("same key", salt1, hash1));
        Assert.False(ApiKeys.Matches("other key", salt1, hash1));
    }

    [Fact]
    public async Task EnsureAdmin_ConfiguredKey_StoredOnceAndVerifiesAsAdmin()
    {
        const string configured = "configured-admin-key-0123456789-abcdef";

        var first = await Registry.EnsureAdmin(configured);
        var second = await Registry.EnsureAdmin(configured);
        var principal = await Registry.Verify(configured);
        var created = await Registry.EnsureAdmin(null);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(ApiKeys.AdminId, principal!.Id);
        Assert.Equal([AriaRoles.Admin], principal.Roles);
        Assert.Null(created);
    }
}
