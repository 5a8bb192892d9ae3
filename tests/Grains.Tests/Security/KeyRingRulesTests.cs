using System.Security.Cryptography;
using AriaPro.Grains.Security;

namespace AriaPro.Grains.Tests.Security;

[Trait("Category", "Unit")]
public sealed class KeyRingRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly SecretCipher _cipher = new(RandomNumberGenerator.GetBytes(SecretCipher.MasterKeySize));
    private readonly JwtKeyRingOptions _options = new() { Rotation = TimeSpan.FromHours(24), Overlap = TimeSpan.FromHours(2), MaxSecrets = 3 };

    [Fact]
    public void Rotate_EmptyRing_CreatesTheFirstCurrentKey()
    {
        var state = new JwtKeyRingState();

        KeyRingRules.Rotate(state, _cipher, Start, _options);

        var key = Assert.Single(state.Keys);
        Assert.Equal(state.CurrentKid, key.Kid);
        Assert.Null(key.RetiredAt);
        Assert.Equal(1, state.Version);
        Assert.Equal(KeyRingRules.SecretSize, _cipher.Open(key).Length);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", key.Kid);
    }

    [Fact]
    public void Rotate_Twice_RetiresThePreviousKeyIntoItsOverlap()
    {
        var state = new JwtKeyRingState();
        KeyRingRules.Rotate(state, _cipher, Start, _options);
        var first = state.CurrentKid;

        KeyRingRules.Rotate(state, _cipher, Start.AddHours(1), _options);

        Assert.NotEqual(first, state.CurrentKid);
        var retired = Assert.Single(state.Keys, k => k.Kid == first);
        Assert.Equal(Start.AddHours(1), retired.RetiredAt);
        Assert.True(KeyRingRules.IsAccepted(retired.RetiredAt, Start.AddHours(3).AddTicks(-1), _options.Overlap));
        Assert.False(KeyRingRules.IsAccepted(retired.RetiredAt, Start.AddHours(3), _options.Overlap));
    }

    [Fact]
    public void Rotate_ManyTimes_KeepsAtMostMaxSecretsNewestFirst()
    {
        var state = new JwtKeyRingState();
        var kids = new List<string>();

        for (var i = 0; i < 6; i++)
        {
            KeyRingRules.Rotate(state, _cipher, Start.AddMinutes(i), _options);
            kids.Add(state.CurrentKid);
            Assert.True(state.Keys.Count <= _options.MaxSecrets);
        }

        Assert.Equal(kids.TakeLast(3).Reverse(), state.Keys.Select(k => k.Kid));
    }

    [Fact]
    public void Rotate_AfterOverlap_DropsTheExpiredRetiredKey()
    {
        var state = new JwtKeyRingState();
        KeyRingRules.Rotate(state, _cipher, Start, _options);
        KeyRingRules.Rotate(state, _cipher, Start.AddHours(24), _options);
        var retired = state.Keys[1].Kid;

        KeyRingRules.Rotate(state, _cipher, Start.AddHours(48), _options);

        Assert.DoesNotContain(state.Keys, k => k.Kid == retired);
        Assert.Equal(2, state.Keys.Count);
    }

    [Fact]
    public void IsDue_CurrentKeyYoungerThanRotation_IsFalseUntilItHasLivedIt()
    {
        var state = new JwtKeyRingState();
        KeyRingRules.Rotate(state, _cipher, Start, _options);

        Assert.False(KeyRingRules.IsDue(state, Start.AddHours(24).AddTicks(-1), _options.Rotation));
        Assert.True(KeyRingRules.IsDue(state, Start.AddHours(24), _options.Rotation));
    }

    [Fact]
    public void View_Ring_ShowsDatesAndNextRotationButNoSecret()
    {
        var state = new JwtKeyRingState();
        KeyRingRules.Rotate(state, _cipher, Start, _options);
        KeyRingRules.Rotate(state, _cipher, Start.AddHours(1), _options);

        var view = KeyRingRules.View(state.ToRing(), _options.Rotation, _options.Overlap);

        Assert.Equal(state.CurrentKid, view.CurrentKid);
        Assert.Equal(Start.AddHours(25), view.NextRotation);
        Assert.Null(view.Keys[0].AcceptedUntil);
        Assert.Equal(Start.AddHours(3), view.Keys[1].AcceptedUntil);
        Assert.DoesNotContain(typeof(Interfaces.Security.JwtKeyInfo).GetProperties(), p => p.PropertyType == typeof(byte[]));
    }
}
