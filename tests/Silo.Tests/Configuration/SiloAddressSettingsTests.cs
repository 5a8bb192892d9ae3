using AriaPro.Silo.Configuration;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class SiloAddressSettingsTests
{
    [Fact]
    public void Load_Unset_LoopbackOnly()
    {
        var settings = TestSettings.LoadValid((AriaVariables.Redis, "redis:6379"), (AriaVariables.MasterKey, TestMasterKey.Base64));

        Assert.Equal(HostingOptions.DefaultSiloAddress, settings.Hosting.SiloAddress);
        Assert.Contains("ARIA_SILO_ADDRESS=127.0.0.1", settings.Describe());
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("silo1")]
    [InlineData("silo-a.desk.internal")]
    public void Load_AddressOrHostName_Kept(string address)
    {
        var settings = TestSettings.LoadValid((AriaVariables.Redis, "redis:6379"), (AriaVariables.MasterKey, TestMasterKey.Base64), (AriaVariables.SiloAddress, address));

        Assert.Equal(address, settings.Hosting.SiloAddress);
    }

    [Fact]
    public void Load_EmbeddedMode_DescribedAsUnused()
    {
        var settings = TestSettings.LoadValid();

        Assert.Contains("ARIA_SILO_ADDRESS=(unused: embedded mode listens on loopback)", settings.Describe());
    }
}
