using AriaPro.Silo.Configuration;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Configuration;

/// <summary>The embedded store (ARIA_STORAGE, ARIA_DATA_DIR) and the orders' retention.</summary>
[Trait("Category", "Unit")]
public sealed class StorageSettingsTests
{
    [Fact]
    public void Load_Unset_DurableInTheUsersDataFolderForNinetyDays()
    {
        var settings = TestSettings.LoadValid();

        Assert.Equal(EmbeddedStorage.Durable, settings.Hosting.Storage);
        Assert.True(settings.Hosting.IsDurableEmbedded);
        Assert.Null(settings.Hosting.DataDirectory);
        Assert.Equal(TimeSpan.FromDays(90), settings.Hosting.OrderRetention);
        Assert.Contains("ARIA_DATA_DIR=(unset: $XDG_DATA_HOME/ariapro, else ~/.local/share/ariapro)", settings.Describe());
    }

    [Theory]
    [InlineData("memory", EmbeddedStorage.Memory)]
    [InlineData("Durable", EmbeddedStorage.Durable)]
    public void Load_Storage_Parsed(string raw, EmbeddedStorage expected) =>
        Assert.Equal(expected, TestSettings.LoadValid((AriaVariables.Storage, raw)).Hosting.Storage);

    [Fact]
    public void Load_RelativeDataDirectory_ResolvedAgainstTheWorkingDirectory()
    {
        var settings = TestSettings.LoadValid((AriaVariables.DataDirectory, "state/aria"));

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "state", "aria"), settings.Hosting.DataDirectory);
    }

    [Theory]
    [InlineData(AriaVariables.Storage, "disk", "must be durable (SQLite in ARIA_DATA_DIR, kept across restarts) or memory")]
    [InlineData(AriaVariables.OrderRetentionDays, "0", "must be whole days from 1 to 3650")]
    [InlineData(AriaVariables.OrderRetentionDays, "1.5", "is not")]
    public void Load_BadValue_ErrorSaysWhatToSet(string variable, string value, string expected)
    {
        var error = Assert.Single(TestSettings.Load((variable, value)).Errors);

        Assert.StartsWith($"{variable}: ", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Load_StorageInClusterMode_RefusedBecauseRedisHoldsEverything()
    {
        var error = Assert.Single(TestSettings.Load((AriaVariables.Redis, "redis:6379"), (AriaVariables.MasterKey, TestMasterKey.Base64), (AriaVariables.Storage, "memory")).Errors);

        Assert.Equal("ARIA_STORAGE: is for embedded mode; with ARIA_REDIS set every state lives in Redis: unset it", error);
    }
}
