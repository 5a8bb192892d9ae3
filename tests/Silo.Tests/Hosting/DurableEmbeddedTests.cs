using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Hosting;
using Xunit.Abstractions;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>
/// The README's one command keeps its book: an embedded silo process on a data directory of its
/// own, killed with SIGKILL while orders stream in, comes back on the same directory with every
/// acknowledged order, its positions, breakers, trading states, keys and tokens; a second process
/// on a directory in use is refused.
/// </summary>
[Trait("Category", "Integration"), Collection(Cluster.SiloProcessesCollection.Name)]
public sealed class DurableEmbeddedTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);
    private const int OrdersBeforeKill = 60;

    private readonly string _data = Directory.CreateTempSubdirectory("aria-durable-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task KilledMidStream_RestartedOnTheSameDirectory_KeepsEveryAcknowledgedOrderAndTheDesk()
    {
        var httpPort = LoopbackPorts.Free();
        var orders = new ConcurrentDictionary<string, string>();
        var acknowledged = new ConcurrentDictionary<string, bool>();
        string traderToken;
        string keyId;
        string adminToken;
        int workingAtKill;
        await using (var first = Start(httpPort))
        {
            using var admin = await AdminAsync(httpPort);
            adminToken = admin.DefaultRequestHeaders.Authorization!.Parameter!;
            using (var created = await admin.PostAsJsonAsync("/security/api-keys", new { name = "durable trader", roles = new[] { "trader" } }))
            {
                var key = await created.ReadObject();
                keyId = (string)key["id"]!;
                traderToken = await TestAuth.TokenAsync(admin, (string)key["apiKey"]!);
            }

            await Expect(admin.PostAsync("/trading/symbols/GBPUSD/circuit-breaker/halt", Body("""{"reason":"durable test"}""")));
            await Expect(admin.PutAsync("/trading/symbols/USDJPY/trading-state", Body("""{"state":"Reducing","reason":"durable test"}""")));
            using var trader = Client(httpPort, traderToken);

            // Four writers stream orders; the process dies under them once enough were acknowledged.
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var id = $"dur-{w}-{i}";
                    var body = Order(id, "EURUSD", i % 3 == 2 ? "Sell" : "Buy", 0.01m);
                    orders[id] = body;
                    try
                    {
                        using var response = await trader.PostAsync("/trading/orders", Body(body), CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged[id] = true;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToList();
            Assert.True(await Cluster.Poll.UntilAsync(() => Task.FromResult(acknowledged.Count >= OrdersBeforeKill), SettleLimit),
                $"only {acknowledged.Count} orders were acknowledged.\n{first.Output}");
            var book = await admin.GetFromJsonAsync<JsonArray>("/trading/positions");
            workingAtKill = (int)book!.Single(p => (string?)p!["symbol"] == "EURUSD")!["workingOrders"]!;
            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var second = Start(httpPort);
        using var again = Client(httpPort, adminToken);
        await WaitUntilServingAsync(again, second);

        // Every acknowledged order is there, and none stays working: each one the broker still had is settled.
        var final = new Dictionary<string, JsonObject>();
        var settledAfterRestart = 0;
        foreach (var id in orders.Keys)
        {
            using var response = await again.GetAsync($"/trading/orders/{id}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                Assert.False(acknowledged.ContainsKey(id), $"acknowledged order {id} is gone after the restart");
                continue;
            }

            settledAfterRestart += (string?)(await response.ReadObject())["status"] == "Filled" ? 0 : 1;
            final[id] = await WaitForFinalAsync(again, id);
        }

        output.WriteLine($"{orders.Count} orders sent, {acknowledged.Count} acknowledged before the kill, {final.Count} stored, {workingAtKill} working at the broker just before it, {settledAfterRestart} still working when read after the restart");

        var positions = await again.GetFromJsonAsync<JsonArray>("/trading/positions");
        var eurusd = (decimal)positions!.Single(p => (string?)p!["symbol"] == "EURUSD")!["quantity"]!;
        var filled = final.Values.Sum(o => ((string?)o["side"] == "Buy" ? 1 : -1) * (decimal)o["filledQuantity"]!);
        var gbpusd = await again.GetFromJsonAsync<JsonObject>("/trading/symbols/GBPUSD");
        var usdjpy = await again.GetFromJsonAsync<JsonObject>("/trading/symbols/USDJPY");
        var keys = await again.GetFromJsonAsync<JsonArray>("/security/api-keys");
        using var trader2 = Client(httpPort, traderToken);
        var firstId = acknowledged.Keys.Order(StringComparer.Ordinal).First();
        using var retried = await trader2.PostAsync("/trading/orders", Body(orders[firstId]));
        var retriedOrder = await retried.ReadObject();

        Assert.True(workingAtKill > 0, "no order was working at the kill: the restart settled nothing");
        Assert.All(acknowledged.Keys, id => Assert.True(final.ContainsKey(id), id));
        Assert.All(final.Values, o => Assert.Equal("Filled", (string?)o["status"]));
        Assert.Equal(filled, eurusd);
        Assert.Equal("Isolated", (string?)gbpusd!["circuitBreaker"]!["state"]);
        Assert.Equal("Reducing", (string?)usdjpy!["tradingState"]);
        Assert.Contains(keys!, k => (string?)k!["id"] == keyId);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(firstId, (string?)retriedOrder["clientOrderId"] ?? (string?)retriedOrder["order"]?["clientOrderId"]);
        Assert.Contains("State lives on disk in " + _data, second.Output);
    }

    [Fact]
    public async Task SecondProcessOnALiveDirectory_RefusedNamingTheHolder()
    {
        var httpPort = LoopbackPorts.Free();
        await using var first = Start(httpPort);
        using var admin = await AdminAsync(httpPort);

        await using var second = Start(LoopbackPorts.Free());
        var (exitCode, _, stderr) = await second.WaitForExitAsync(StartLimit);

        Assert.Equal(AriaProHost.DataDirectoryErrorExitCode, exitCode);
        Assert.Contains($"the data directory {_data} is in use by another AriaPro process (pid {first.ProcessId})", stderr);
        using var stillServing = await admin.GetAsync("/trading/positions");
        Assert.Equal(HttpStatusCode.OK, stillServing.StatusCode);
    }

    private SiloProcess Start(int httpPort)
    {
        var environment = new Dictionary<string, string>(TestAuth.GenerousRateLimits)
        {
            ["ARIA_STORAGE"] = "durable",
            ["ARIA_DATA_DIR"] = _data,
            ["ARIA_ADMIN_API_KEY"] = TestAuth.AdminKey,
            ["ARIA_AUTOTRADE"] = "0",

            // The venue takes its time: the orders of the last second are working at the kill.
            ["ARIA_PAPER_LATENCY_MS"] = "1000",
        };
        return SiloProcess.StartEmbedded(httpPort, environment);
    }

    private static async Task<HttpClient> AdminAsync(int httpPort)
    {
        var admin = Client(httpPort, token: null);
        await TestAuth.AuthorizeAsAdminAsync(admin);
        return admin;
    }

    private static HttpClient Client(int httpPort, string? token)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    // The old admin token is accepted again once the silo serves: it was signed with a key that survived.
    private static async Task WaitUntilServingAsync(HttpClient http, SiloProcess silo)
    {
        HttpStatusCode? last = null;
        var serving = await Cluster.Poll.UntilAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync("/trading/positions");
                last = response.StatusCode;
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, StartLimit);
        Assert.True(serving, $"the restarted silo did not accept the old token (last answer {last}).\n{silo.Output}");
    }

    private static async Task<JsonObject> WaitForFinalAsync(HttpClient http, string id)
    {
        JsonObject? order = null;
        var settled = await Cluster.Poll.UntilAsync(async () =>
        {
            order = await http.GetFromJsonAsync<JsonObject>($"/trading/orders/{id}");
            return (string?)order!["status"] is "Filled" or "Cancelled" or "Rejected" or "Expired" or "Denied";
        }, SettleLimit);
        Assert.True(settled, $"order {id} is still {order?["status"]} after the restart");
        return order!;
    }

    private static async Task Expect(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
