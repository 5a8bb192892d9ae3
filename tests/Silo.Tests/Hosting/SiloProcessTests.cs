using System.Net;
using AriaPro.Silo.Hosting;

namespace AriaPro.Silo.Tests.Hosting;

[Trait("Category", "Integration")]
public sealed class SiloProcessTests
{
    [Fact]
    public async Task Start_DefaultEmbeddedMode_AnswersReadyWithin60Seconds()
    {
        var port = LoopbackPorts.Free();
        await using var silo = SiloProcess.StartEmbedded(port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        await silo.WaitForOutputAsync("AriaPro started", TimeSpan.FromSeconds(60));
        using var ready = await http.GetAsync("/health/ready");
        using var anonymous = await http.GetAsync("/trading/positions");
        var keyLine = silo.Output.Split('\n').Single(l => l.StartsWith(SiloProcess.AdminKeyBanner, StringComparison.Ordinal));
        http.DefaultRequestHeaders.Authorization = new("Bearer", await TestAuth.TokenAsync(http, keyLine[SiloProcess.AdminKeyBanner.Length..].Trim()));
        using var authorized = await http.GetAsync("/trading/positions");

        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"/health/ready answered {ready.StatusCode}.\n{silo.Output}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Single(silo.Output.Split('\n'), l => l.Contains(keyLine[SiloProcess.AdminKeyBanner.Length..].Trim(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AUTO_TRADE_POS_LIMITS", "EURUSD:x")]
    [InlineData("AUTO_TRADE_BASE_TIMEOUT", "-5")]
    [InlineData("AUTO_TRADE_MAX_TIMEOUT", "10")]
    [InlineData("AUTO_TRADE_CB_FAILURES", "0")]
    [InlineData("ARIA_PAPER_REJECT_RATE", "1.5")]
    [InlineData("ARIA_SYMBOLS", "EURUSD,EUR")]
    public async Task Start_BadVariable_ExitsNonZeroWithOneLineNamingIt(string variable, string value)
    {
        await using var silo = SiloProcess.Start(new Dictionary<string, string> { [variable] = value });

        var (exitCode, _, stderr) = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains(variable, line);
        Assert.StartsWith("aria: configuration error: ", line);
    }
}
