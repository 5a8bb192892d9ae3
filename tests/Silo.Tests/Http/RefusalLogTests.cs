using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Cluster;
using AriaPro.Silo.Tests.Events;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

/// <summary>
/// A silo process, as an operator runs it, is sent every kind of refused request: its console log
/// keeps no error line for any of them (anyone could flood an error log), at most one warning each,
/// and no line a request could have forged.
/// </summary>
[Trait("Category", "Integration"), Collection(SiloProcessesCollection.Name)]
public sealed class RefusalLogTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RefusedRequests_LeaveNoErrorLineAndForgeNoLine()
    {
        var httpPort = LoopbackPorts.Free();
        await using var silo = SiloProcess.StartEmbedded(httpPort, new Dictionary<string, string>
        {
            ["ARIA_ADMIN_API_KEY"] = TestAuth.AdminKey,
            ["ARIA_AUTOTRADE"] = "0",
            ["RATE_LIMIT_REQUESTS_PER_MINUTE"] = TestAuth.GenerousRateLimits["RATE_LIMIT_REQUESTS_PER_MINUTE"],
            ["RATE_LIMIT_GLOBAL_PER_MINUTE"] = TestAuth.GenerousRateLimits["RATE_LIMIT_GLOBAL_PER_MINUTE"],
            ["RATE_LIMIT_ENDPOINTS"] = TestAuth.GenerousRateLimits["RATE_LIMIT_ENDPOINTS"],
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        await silo.WaitForOutputAsync("AriaPro started", StartLimit);
        await TestAuth.AuthorizeAsAdminAsync(http);
        await http.PostOrder(Order("log-first", quantity: 0.01m), HttpStatusCode.Created);
        var startedAt = silo.Lines.Count;

        var refusals = new List<(string What, HttpStatusCode Status)>();
        async Task Send(string what, string path, byte[] body, HttpClient? client = null)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await (client ?? http).PostAsync(path, content);
            refusals.Add((what, response.StatusCode));
        }

        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        byte[] Invalid(string text) => [.. Utf8(text)[..^2], 0xFF, .. Utf8(text)[^2..]];
        await Send("side list", "/trading/orders", Utf8(Order("log-a", side: "Buy,Sell")));
        await Send("type list", "/trading/orders", Utf8(Order("log-b", type: "Market,Limit")));
        await Send("id newline", "/trading/orders", Utf8(Order("log-c\n[00:00:00.000 ERR] forged", quantity: 0.01m)));
        await Send("over-precise", "/trading/orders", Utf8("""{"clientOrderId":"log-d","symbol":"EURUSD","side":"Buy","quantity":0.010000000000000000000000000001,"type":"Market"}"""));
        await Send("duplicate key", "/trading/orders", Utf8("""{"clientOrderId":"log-e","symbol":"EURUSD","side":"Buy","quantity":0.01,"quantity":2,"type":"Market"}"""));
        await Send("reused id", "/trading/orders", Utf8(Order("log-first", side: "Sell", quantity: 0.02m)));
        foreach (var path in new[] { "/trading/orders", "/auth/token", "/security/api-keys", "/trading/risk/analyze" })
        {
            await Send($"invalid UTF-8 {path}", path, Invalid("""{"apiKey":"x","name":"n","returns":[0.1],"clientOrderId":"log-f"}"""),
                path == "/auth/token" ? new HttpClient { BaseAddress = http.BaseAddress } : null);
        }

        await Send("key name newline", "/security/api-keys", Utf8("""{"name":"desk\n[00:00:00.000 ERR] forged","roles":["viewer"]}"""));
        await Send("key name ANSI", "/security/api-keys", Utf8("{\"name\":\"desk\\u001b[2J\",\"roles\":[\"viewer\"]}"));
        await Send("halt reason newline", "/trading/symbols/EURUSD/circuit-breaker/halt", Utf8("""{"reason":"news\n[00:00:00.000 ERR] forged"}"""));
        await Send("unknown key", "/auth/token", Utf8("""{"apiKey":"aria_nope_nope"}"""), new HttpClient { BaseAddress = http.BaseAddress });
        using (var socket = new ClientWebSocket())
        {
            socket.Options.CollectHttpResponseDetails = true;
            socket.Options.SetRequestHeader("Origin", "https://evil.example.test");
            socket.Options.SetRequestHeader("Authorization", http.DefaultRequestHeaders.Authorization!.ToString());
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(EventClient.Address(http.BaseAddress!), CancellationToken.None));
            refusals.Add(("foreign origin", socket.HttpStatusCode));
        }

        // A request the silo answers after all of the above: every line they caused is written by then.
        await http.PostOrder(Order("log-last", quantity: 0.01m), HttpStatusCode.Created);
        await silo.WaitForOutputAsync("Order log-last", StartLimit);
        var lines = silo.Lines.Skip(startedAt).ToList();

        Assert.All(refusals, r => Assert.True((int)r.Status is >= 400 and < 500, $"{r.What} answered {(int)r.Status}"));
        Assert.DoesNotContain(lines, l => l.Contains(" ERR]", StringComparison.Ordinal));
        Assert.True(lines.Count(l => l.Contains(" WRN]", StringComparison.Ordinal)) <= refusals.Count, string.Join('\n', lines));
        Assert.DoesNotContain(lines, l => l.StartsWith("[00:00:00.000", StringComparison.Ordinal) || l.Contains("forged", StringComparison.Ordinal) && !l.StartsWith('['));
    }
}
