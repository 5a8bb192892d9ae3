using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Silo.Http.OpenApi;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.OpenApi;

/// <summary>
/// Real HTTP calls that drive every answer the document promises: 401, 403, 429 and 503 for every
/// operation that documents them (generated from the document itself), and the successes, 400s,
/// 404s and 409s call by call. Each call asserts its own status; the contract test then compares
/// what the hosts recorded with the document.
/// </summary>
internal sealed class ContractProbes(ContractFixture fixture)
{
    private readonly TestHost _host = fixture.Host;
    private string _modelId = null!;

    public async Task RunAsync()
    {
        var operations = DocumentOperation.All(fixture.Document);
        _modelId = (string)(await _host.Http.GetFromJsonAsync<JsonObject>("/ai/models"))!["models"]![0]!["id"]!;
        using var viewer = await TestAuth.ClientWithRolesAsync(_host.Http, "viewer");
        foreach (var op in operations)
        {
            if (op.Statuses.Contains(401) && op.Role != "anonymous")
            {
                await Expect(_host.Anonymous, 401, op.Method, Sample(op.Path));
            }

            if (op.Statuses.Contains(403))
            {
                await Expect(viewer, 403, op.Method, Sample(op.Path));
            }

            if (op.Statuses.Contains(503) && !op.Path.StartsWith("/health", StringComparison.Ordinal))
            {
                await Expect(_host.Http, 503, op.Method, Sample(op.Path), ValidBody(op.Method, op.Path), fault: "timeout");
            }
        }

        await SecurityAsync();
        await TradingAsync();
        await RiskAndAiAsync();
        await MonitoringAsync();
        await EventsAndHealthAsync();
        await RateLimitedAsync(operations);
    }

    private async Task SecurityAsync()
    {
        var http = _host.Http;
        await Expect(_host.Anonymous, 200, "POST", "/auth/token", $$"""{"apiKey":"{{TestAuth.AdminKey}}"}""");
        await Expect(_host.Anonymous, 400, "POST", "/auth/token", "{}");
        await Expect(_host.Anonymous, 401, "POST", "/auth/token", """{"apiKey":"no-such-key-0123456789abcdefghijklmnop"}""");
        await Expect(_host.Anonymous, 204, "POST", "/auth/logout");
        using var created = await ExpectResponse(http, 201, "POST", "/security/api-keys", """{"name":"contract","roles":["viewer"]}""");
        var keyId = (string)(await created.ReadObject())["id"]!;
        await Expect(http, 400, "POST", "/security/api-keys", """{"name":"","roles":["viewer"]}""");
        await Expect(http, 200, "GET", "/security/api-keys");
        await Expect(http, 204, "DELETE", $"/security/api-keys/{keyId}");
        await Expect(http, 404, "DELETE", "/security/api-keys/no-such-key");
        await Expect(http, 200, "POST", "/security/rotate-jwt");
        await Expect(http, 400, "POST", "/security/rotate-jwt", "{");
        await Expect(http, 204, "POST", "/security/revoke", """{"jti":"contract-test-jti"}""");
        await Expect(http, 400, "POST", "/security/revoke", "{}");
    }

    private async Task TradingAsync()
    {
        var http = _host.Http;
        await Expect(http, 201, "POST", "/trading/orders", Order("contract-1"));
        await Expect(http, 200, "POST", "/trading/orders/batch", $$"""{"orders":[{{Order("contract-1")}}]}""");
        await Expect(http, 400, "POST", "/trading/orders/batch", """{"orders":[]}""");
        await Expect(http, 200, "POST", "/trading/orders", Order("contract-1"));
        await Expect(http, 400, "POST", "/trading/orders", Order("contract-2", quantity: 0m));
        await Expect(http, 200, "GET", "/trading/orders/contract-1");
        await Expect(http, 400, "GET", "/trading/orders/bad id!");
        await Expect(http, 404, "GET", "/trading/orders/contract-none");
        await http.WaitForStatus("contract-1", "Filled");
        await Expect(http, 409, "DELETE", "/trading/orders/contract-1");
        await Expect(http, 201, "POST", "/trading/orders", """{"clientOrderId":"contract-limit","symbol":"EURUSD","side":"Buy","quantity":1,"type":"Limit","limitPrice":0.5}""");
        await Expect(http, 200, "DELETE", "/trading/orders/contract-limit");
        await Expect(http, 400, "DELETE", "/trading/orders/bad id!");
        await Expect(http, 404, "DELETE", "/trading/orders/contract-none");
        await Expect(http, 200, "GET", "/trading/positions");
        await Expect(http, 200, "GET", "/trading/symbols/EURUSD");
        await Expect(http, 404, "GET", "/trading/symbols/XAUUSD");
        foreach (var action in new[] { "halt", "resume", "reset" })
        {
            await Expect(http, 200, "POST", $"/trading/symbols/GBPUSD/circuit-breaker/{action}");
            await Expect(http, 404, "POST", $"/trading/symbols/XAUUSD/circuit-breaker/{action}");
        }

        await Expect(http, 400, "POST", "/trading/symbols/GBPUSD/circuit-breaker/halt", """{"reason":42}""");
        await Expect(http, 200, "PUT", "/trading/symbols/GBPUSD/trading-state", """{"state":"Active"}""");
        await Expect(http, 400, "PUT", "/trading/symbols/GBPUSD/trading-state", """{"state":"Sleeping"}""");
        await Expect(http, 404, "PUT", "/trading/symbols/XAUUSD/trading-state", """{"state":"Active"}""");
        await Expect(http, 200, "POST", "/trading/symbols/GBPUSD/flatten");
        await Expect(http, 404, "POST", "/trading/symbols/XAUUSD/flatten");
        await Expect(http, 200, "POST", "/trading/flatten");
    }

    private async Task RiskAndAiAsync()
    {
        var http = _host.Http;
        await Expect(http, 200, "GET", "/trading/risk/metrics");
        await Expect(http, 200, "POST", "/trading/risk/analyze", """{"returns":[0.01,-0.02,0.005,null]}""");
        await Expect(http, 400, "POST", "/trading/risk/analyze", "{}");
        await Expect(http, 200, "POST", "/trading/risk/resume", """{"reason":"contract"}""");
        await Expect(http, 400, "POST", "/trading/risk/resume", """{"reason":42}""");
        await Expect(http, 200, "GET", "/ai/models");
        await Expect(http, 200, "POST", "/ai/models/reload");
        await Expect(http, 409, "POST", "/ai/models/reload", fault: "lock");
        await _host.Grains.GetGrain<AriaPro.Grains.Interfaces.Signals.ISignalGrain>("EURUSD").RunOnce();
        await Expect(http, 200, "GET", "/ai/signals/EURUSD");
        await Expect(http, 404, "GET", "/ai/signals/XAUUSD");
        await Expect(http, 200, "POST", $"/ai/models/{_modelId}/isolate", """{"reason":"contract test"}""");
        await Expect(http, 400, "POST", $"/ai/models/{_modelId}/isolate", """{"reason":[]}""");
        await Expect(http, 404, "POST", "/ai/models/no-such-model/isolate");
        await Expect(http, 200, "POST", $"/ai/models/{_modelId}/reset");
        await Expect(http, 404, "POST", "/ai/models/no-such-model/reset");
    }

    private async Task MonitoringAsync()
    {
        var http = _host.Http;
        await Expect(http, 200, "GET", "/monitoring/metrics");
        await Expect(http, 200, "GET", "/monitoring/metrics/aria.process.cpu");
        await Expect(http, 400, "GET", "/monitoring/metrics/aria.process.cpu?from=yesterday");
        await Expect(http, 404, "GET", "/monitoring/metrics/no.such.metric");
        await Expect(http, 200, "GET", "/monitoring/system/status");
        await Expect(http, 200, "GET", "/monitoring/alerts");
        var alert = await _host.Grains.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).Raise(
            new AlertSignal("contract", "contract", "raised by the contract test", AlertSeverity.Info, "contract", System.Collections.Immutable.ImmutableDictionary<string, string>.Empty,
                1, null, null, null, "manual", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)),
            TimeSpan.FromMinutes(5));
        await Expect(http, 200, "POST", $"/monitoring/alerts/{alert.Id}/ack");
        await Expect(http, 404, "POST", "/monitoring/alerts/no-such-alert/ack");
    }

    private async Task EventsAndHealthAsync()
    {
        using (var socket = new ClientWebSocket())
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {_host.Token}");
            await socket.ConnectAsync(new UriBuilder(new Uri(_host.Http.BaseAddress!, "/ws")) { Scheme = "ws" }.Uri, CancellationToken.None);
            Assert.Equal(WebSocketState.Open, socket.State);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "contract test done", CancellationToken.None);
        }

        await Expect(_host.Http, 400, "GET", "/ws");
        await Expect(_host.Http, 400, "GET", "/ws?types=no_such_type");
        await Expect(_host.Anonymous, 200, "GET", "/health/live");
        await Expect(_host.Anonymous, 200, "GET", "/health/ready");
        await Expect(fixture.Limited.Anonymous, 503, "GET", "/health/ready");
    }

    // One request a minute: the first passes, every later one (anonymous by address, or by key) is a 429.
    private async Task RateLimitedAsync(IReadOnlyList<DocumentOperation> operations)
    {
        var limited = fixture.Limited;
        await Expect(limited.Http, 200, "GET", "/trading/positions");
        foreach (var op in operations.Where(o => o.Statuses.Contains(429)))
        {
            await Expect(op.Role == "anonymous" ? limited.Anonymous : limited.Http, 429, op.Method, Sample(op.Path), ValidBody(op.Method, op.Path));
        }
    }

    private string Sample(string path) => path
        .Replace("{symbol}", "EURUSD", StringComparison.Ordinal)
        .Replace("{clientOrderId}", "contract-sample", StringComparison.Ordinal)
        .Replace("{name}", "aria.process.cpu", StringComparison.Ordinal)
        .Replace("{id}", path.StartsWith("/ai/", StringComparison.Ordinal) ? _modelId : "contract-sample", StringComparison.Ordinal);

    // A body the handler accepts, so that a call reaches the grain (the 503s) or the limiter alone refuses it.
    private static string? ValidBody(string method, string path) => (method, path) switch
    {
        ("POST", "/auth/token") => $$"""{"apiKey":"{{TestAuth.AdminKey}}"}""",
        ("POST", "/security/api-keys") => """{"name":"contract","roles":["viewer"]}""",
        ("POST", "/security/revoke") => """{"jti":"contract-test-jti"}""",
        ("POST", "/trading/orders") => Order($"contract-{Guid.NewGuid():N}"),
        ("POST", "/trading/orders/batch") => $$"""{"orders":[{{Order($"contract-{Guid.NewGuid():N}")}}]}""",
        ("POST", "/trading/risk/analyze") => """{"returns":[0.01]}""",
        ("PUT", "/trading/symbols/{symbol}/trading-state") => """{"state":"Active"}""",
        _ => null,
    };

    private static async Task Expect(HttpClient client, int status, string method, string path, string? body = null, string? fault = null)
    {
        using var response = await ExpectResponse(client, status, method, path, body, fault);
    }

    private static async Task<HttpResponseMessage> ExpectResponse(HttpClient client, int status, string method, string path, string? body = null, string? fault = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = Body(body);
        }

        if (fault is not null)
        {
            request.Headers.Add(ResponseRecorder.FaultHeader, fault);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status,
            $"{method} {path}{(fault is null ? string.Empty : $" ({fault})")} answered {(int)response.StatusCode}, not {status}: {text}");
        if (status >= 400 && !path.StartsWith("/health", StringComparison.Ordinal))
        {
            // The answer is what the document's example shows: a problem document of that status and type, with a title.
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(text)!;
            Assert.Equal(status, (int?)problem["status"]);
            Assert.Equal((string?)ProblemExamples.Example(status, null)["type"], (string?)problem["type"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), $"{method} {path}: a problem without a title: {text}");
        }

        return response;
    }
}
