using System.Net;
using AriaPro.Silo.Configuration;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class RateLimitSettingsTests
{
    [Fact]
    public void Load_Defaults_AreStricterForTokenAndOrders()
    {
        var s = TestSettings.LoadValid();

        Assert.Equal(60, s.RateLimit.RequestsPerMinute);
        Assert.Equal(10, s.RateLimit.EndpointLimits["POST /auth/token"]);
        Assert.Equal(30, s.RateLimit.EndpointLimits["POST /trading/orders"]);
        Assert.Equal(6000, s.RateLimit.GlobalPerMinute);
        Assert.Empty(s.RateLimit.IpAllow);
        Assert.Empty(s.RateLimit.IpDeny);
    }

    [Fact]
    public void Load_Overrides_Bind()
    {
        var s = TestSettings.LoadValid(
            (AriaVariables.RateLimitEndpoints, " post /auth/token = 3 , GET /trading/orders/{clientOrderId}=120"),
            (AriaVariables.RateLimitGlobalPerMinute, "100"),
            (AriaVariables.IpAllow, "10.0.0.0/8, 2001:db8::/32,127.0.0.1"),
            (AriaVariables.IpDeny, "10.1.0.0/16"));

        Assert.Equal(2, s.RateLimit.EndpointLimits.Count);
        Assert.Equal(3, s.RateLimit.EndpointLimits["POST /auth/token"]);
        Assert.Equal(120, s.RateLimit.EndpointLimits["GET /trading/orders/{clientOrderId}"]);
        Assert.Equal(100, s.RateLimit.GlobalPerMinute);
        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("127.0.0.1/32")], s.RateLimit.IpAllow);
        Assert.Equal([IPNetwork.Parse("10.1.0.0/16")], s.RateLimit.IpDeny);
    }

    [Fact]
    public void Load_EndpointsNone_TurnsEndpointLimitsOff()
    {
        var s = TestSettings.LoadValid((AriaVariables.RateLimitEndpoints, "NONE"));

        Assert.Empty(s.RateLimit.EndpointLimits);
    }

    [Fact]
    public void Describe_RateLimitVariables_ShowEffectiveValues()
    {
        var lines = TestSettings.LoadValid((AriaVariables.IpDeny, "203.0.113.0/24")).Describe();

        Assert.Contains("RATE_LIMIT_ENDPOINTS=POST /auth/token=10,POST /trading/orders=30,POST /trading/orders/batch=10", lines);
        Assert.Contains("RATE_LIMIT_GLOBAL_PER_MINUTE=6000", lines);
        Assert.Contains("ARIA_IP_DENY=203.0.113.0/24", lines);
    }

    public static TheoryData<string, string> BadValues => new()
    {
        { AriaVariables.RateLimitEndpoints, "POST /auth/token" },
        { AriaVariables.RateLimitEndpoints, "POST auth/token=5" },
        { AriaVariables.RateLimitEndpoints, "/auth/token=5" },
        { AriaVariables.RateLimitEndpoints, "POST /auth/token=0" },
        { AriaVariables.RateLimitEndpoints, "POST /auth/token=x" },
        { AriaVariables.RateLimitEndpoints, "POST /auth/token=5,,GET /x=1" },
        { AriaVariables.RateLimitEndpoints, "POST /auth/token=5,post /auth/token=6" },
        { AriaVariables.RateLimitEndpoints, "POST /auth/token=99999999999" },
        { AriaVariables.RateLimitGlobalPerMinute, "0" },
        { AriaVariables.RateLimitGlobalPerMinute, "many" },
        { AriaVariables.IpAllow, "10.0.0.0/33" },
        { AriaVariables.IpAllow, "10.0.0.1/8" },
        { AriaVariables.IpAllow, "10.0.0.0/8,,192.168.0.0/16" },
        { AriaVariables.IpDeny, "example.com" },
        { AriaVariables.IpDeny, "2001:db8::/129" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Load_BadValue_ReportsOneLineNamingVariable(string name, string value)
    {
        var result = TestSettings.Load((name, value));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"{name}: '{value}' — ", error);
        Assert.DoesNotContain('\n', error);
    }
}
