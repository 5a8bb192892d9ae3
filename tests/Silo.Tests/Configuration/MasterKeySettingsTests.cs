using AriaPro.Grains.Security;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class MasterKeySettingsTests
{
    [Fact]
    public void Load_EmbeddedWithoutMasterKey_LeavesItToBeGenerated()
    {
        var s = TestSettings.LoadValid();

        Assert.Null(s.JwtRotation.MasterKey);
        Assert.Contains("ARIA_MASTER_KEY=(unset: generated in memory, embedded mode only)", s.Describe());
    }

    [Fact]
    public void Load_ValidMasterKey_DecodesTheBytesAndMapsThemToTheKeyRing()
    {
        var s = TestSettings.LoadValid((AriaVariables.MasterKey, TestMasterKey.Base64));

        Assert.Equal(Convert.FromBase64String(TestMasterKey.Base64), s.JwtRotation.MasterKey);
        Assert.Equal(Convert.FromBase64String(TestMasterKey.Base64), s.ToJwtKeyRingOptions().MasterKey);
    }

    [Fact]
    public void Load_ClusterModeWithoutMasterKey_IsAnError()
    {
        var result = TestSettings.Load((AriaVariables.Redis, "redis:6379"));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ARIA_MASTER_KEY: is required when ARIA_REDIS is set", error);
    }

    [Theory]
    [InlineData("not base64 at all!!")]
    [InlineData("c2VjcmV0LXNob3J0")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g")]
    public void Load_BadMasterKey_NamesTheVariableWithoutEchoingTheValue(string value)
    {
        var result = TestSettings.Load((AriaVariables.MasterKey, value));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ARIA_MASTER_KEY: ", error);
        Assert.Contains($"{SecretCipher.MasterKeySize}", error);
        Assert.DoesNotContain(value, error);
    }

    [Fact]
    public void ToJwtKeyRingOptions_RotationSettings_AreMapped()
    {
        var s = TestSettings.LoadValid(
            (AriaVariables.JwtRotationHours, "6"),
            (AriaVariables.JwtSecretOverlapHours, "1"),
            (AriaVariables.JwtMaxSecrets, "3"));

        var options = s.ToJwtKeyRingOptions();

        Assert.Equal(TimeSpan.FromHours(6), options.Rotation);
        Assert.Equal(TimeSpan.FromHours(1), options.Overlap);
        Assert.Equal(3, options.MaxSecrets);
    }
}
