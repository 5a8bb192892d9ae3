using System.Net;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Security.RateLimiting;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

[Trait("Category", "Unit")]
public sealed class IpFilterTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.255.1.2", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.1.7/32", "192.168.1.7", true)]
    [InlineData("192.168.1.7/32", "192.168.1.8", false)]
    [InlineData("192.168.1.7", "192.168.1.7", true)]
    [InlineData("0.0.0.0/0", "203.0.113.9", true)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("::/0", "fe80::1", true)]
    [InlineData("::1/128", "::1", true)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.2.3", true)]
    public void IsAllowed_AllowList_AdmitsOnlyMembers(string allow, string address, bool expected)
    {
        var filter = new IpFilter(Networks(allow), []);

        Assert.Equal(expected, filter.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void IsAllowed_DenyEntry_WinsOverAllowEntry()
    {
        var filter = new IpFilter(Networks("10.0.0.0/8"), Networks("10.1.0.0/16"));

        Assert.True(filter.IsAllowed(IPAddress.Parse("10.2.0.1")));
        Assert.False(filter.IsAllowed(IPAddress.Parse("10.1.0.1")));
    }

    [Fact]
    public void IsAllowed_EmptyAllowList_AdmitsAllButDenied()
    {
        var filter = new IpFilter([], Networks("2001:db8::/32,203.0.113.0/24"));

        Assert.True(filter.IsAllowed(IPAddress.Parse("198.51.100.1")));
        Assert.True(filter.IsAllowed(IPAddress.IPv6Loopback));
        Assert.False(filter.IsAllowed(IPAddress.Parse("203.0.113.200")));
        Assert.False(filter.IsAllowed(IPAddress.Parse("2001:db8::42")));
    }

    [Fact]
    public void IsAllowed_UnknownAddress_PassesOnlyWithoutLists()
    {
        Assert.True(new IpFilter([], []).IsAllowed(null));
        Assert.False(new IpFilter(Networks("10.0.0.0/8"), []).IsAllowed(null));
    }

    private static IReadOnlyList<IPNetwork> Networks(string raw)
    {
        Assert.True(IpNetworkListParser.TryParse(raw, out var networks, out var problem), problem);
        return networks;
    }
}
