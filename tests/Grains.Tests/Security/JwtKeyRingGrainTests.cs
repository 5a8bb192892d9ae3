using AriaPro.Grains.Security;
using AriaPro.Grains.Tests.Cluster;

namespace AriaPro.Grains.Tests.Security;

[Collection(SecurityCollection.Name)]
[Trait("Category", "Integration")]
public sealed class JwtKeyRingGrainTests(SecurityClusterFixture fixture)
{
    [Fact]
    public async Task RotateAsync_OnOneSilo_NewCurrentKeyOnBothSilosWithinOneSecond()
    {
        var (rotating, other) = (fixture.Keys[0], fixture.Keys[1]);
        var before = rotating.Current;

        var view = await rotating.RotateAsync("test");

        Assert.NotEqual(before.Kid, view.CurrentKid);
        Assert.Equal(view.CurrentKid, rotating.Current.Kid);
        Assert.NotEqual(before.Secret, rotating.Current.Secret);
        await fixture.SecondSiloSeesWithinOneSecond(keys => keys.Current.Kid == view.CurrentKid, $"current key {view.CurrentKid}");
        Assert.Equal(rotating.Current.Secret, other.Current.Secret);
    }

    [Fact]
    public async Task Find_RetiredKey_ValidatesInsideTheOverlapAndNotAfter()
    {
        var keys = fixture.Keys;
        var old = keys[0].Current;
        await keys[0].RotateAsync("test");
        await fixture.SecondSiloSeesWithinOneSecond(k => k.Current.Kid != old.Kid, "the rotation");

        fixture.Time.Advance(fixture.Options.Overlap - TimeSpan.FromMinutes(1));
        var inside = keys.Select(k => k.Find(old.Kid)).ToList();
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var after = keys.Select(k => k.Find(old.Kid)).ToList();

        Assert.All(inside, key => Assert.Equal(old.Secret, key?.Secret));
        Assert.All(after, Assert.Null);
        Assert.All(keys, k => Assert.NotNull(k.Find(k.Current.Kid)));
        Assert.All(keys, k => Assert.Null(k.Find("no-such-kid")));
    }

    [Fact]
    public async Task Rotate_ManyTimes_NeverKeepsMoreThanMaxSecrets()
    {
        var kids = new List<string>();

        for (var i = 0; i < fixture.Options.MaxSecrets + 2; i++)
        {
            var view = await fixture.Ring.Rotate("test");
            kids.Add(view.CurrentKid);
            Assert.True(view.Keys.Count <= fixture.Options.MaxSecrets, $"{view.Keys.Count} keys kept");
        }

        var final = await fixture.Ring.GetView();
        Assert.Equal(kids.TakeLast(fixture.Options.MaxSecrets).Reverse(), final.Keys.Select(k => k.Kid));
        await fixture.Keys[0].RefreshAsync();
        Assert.Null(fixture.Keys[0].Find(kids[0]));
    }

    [Fact]
    public async Task RotateIfDue_CurrentKeyNotDue_DoesNotRotate()
    {
        var view = await fixture.Ring.Rotate("test");

        fixture.Time.Advance(fixture.Options.Rotation - TimeSpan.FromMinutes(1));
        var rotated = await fixture.Ring.RotateIfDue();

        Assert.False(rotated);
        Assert.Equal(view.CurrentKid, (await fixture.Ring.GetView()).CurrentKid);
    }

    [Fact]
    public async Task RotateIfDue_StaleFencingToken_IsRefusedAndANewerHolderRotates()
    {
        var view = await fixture.Ring.Rotate("test");
        fixture.Time.Advance(fixture.Options.Rotation);

        // A holder whose lease ran out: its token is the one the last rotation was written under.
        fixture.Locks.NextHandleCarries(1);
        var stale = await fixture.Ring.RotateIfDue();
        var afterStale = await fixture.Ring.GetView();
        var fresh = await fixture.Ring.RotateIfDue();

        Assert.False(stale);
        Assert.Equal(view.CurrentKid, afterStale.CurrentKid);
        Assert.True(fresh);
        Assert.NotEqual(view.CurrentKid, (await fixture.Ring.GetView()).CurrentKid);
    }

    [Fact]
    public async Task Rotate_StaleFencingToken_ThrowsAndRotatesNothing()
    {
        var view = await fixture.Ring.Rotate("test");

        fixture.Locks.NextHandleCarries(1);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Ring.Rotate("stale"));

        Assert.Contains("not newer", error.Message);
        Assert.Equal(view.CurrentKid, (await fixture.Ring.GetView()).CurrentKid);
    }

    [Fact]
    public async Task GetView_AfterRotation_NamesNextRotationAndOverlapEnd()
    {
        var view = await fixture.Keys[0].RotateAsync("test");

        var current = Assert.Single(view.Keys, k => k.Kid == view.CurrentKid);
        var retired = view.Keys.First(k => k.Kid != view.CurrentKid);

        Assert.Equal(fixture.Time.GetUtcNow(), current.CreatedAt);
        Assert.Equal(current.CreatedAt + fixture.Options.Rotation, view.NextRotation);
        Assert.Null(current.AcceptedUntil);
        Assert.Equal(fixture.Time.GetUtcNow() + fixture.Options.Overlap, retired.AcceptedUntil);
    }
}
