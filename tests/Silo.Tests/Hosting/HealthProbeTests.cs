using System.Net;
using System.Net.Sockets;
using AriaPro.Silo.Hosting;

namespace AriaPro.Silo.Tests.Hosting;

[Trait("Category", "Integration")]
public sealed class HealthProbeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Probe_LiveSilo_Exits0()
    {
        using var output = new StringWriter();

        var code = await HealthProbe.RunAsync(new Uri(fixture.Host.Http.BaseAddress!, "/health/live").ToString(), output);

        Assert.Equal(0, code);
        Assert.Contains("answered 200", output.ToString());
    }

    [Fact]
    public async Task Probe_NothingListening_Exits1()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var output = new StringWriter();

        var code = await HealthProbe.RunAsync($"http://127.0.0.1:{port}/health/live", output);

        Assert.Equal(1, code);
        Assert.Contains("did not answer", output.ToString());
    }

    [Fact]
    public async Task Probe_ProtectedEndpoint_Exits1()
    {
        using var output = new StringWriter();

        var code = await HealthProbe.RunAsync(new Uri(fixture.Host.Http.BaseAddress!, "/trading/positions").ToString(), output);

        Assert.Equal(1, code);
        Assert.Contains("answered 401", output.ToString());
    }

    [Fact]
    public async Task Probe_NotAnHttpUrl_Exits2()
    {
        using var output = new StringWriter();

        Assert.Equal(2, await HealthProbe.RunAsync("ftp://127.0.0.1/health", output));
        Assert.Contains("not an absolute http(s) URL", output.ToString());
    }
}
