using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Hosting;
using Xunit.Abstractions;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>
/// A silo process on a Redis of its own, while Redis stalls (SIGSTOP for longer than any storage
/// timeout, then SIGCONT: the writes queued meanwhile land late) or comes back empty: every grain
/// heals by itself within seconds, and readiness says when the cluster's state is gone.
/// </summary>
[Trait("Category", "Integration"), Collection(SiloProcessesCollection.Name)]
public sealed class RedisFaultTests(ITestOutputHelper output)
{
    private static readonly string[] Symbols = ["EURUSD", "GBPUSD"];
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Frozen = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan HealLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task RedisFrozenLongerThanItsTimeout_EveryGrainHealsAndStopsRetrying()
    {
        Skip.If(RedisServer.NotInstalled is not null, RedisServer.NotInstalled);
        await using var redis = await RedisServer.StartAsync();
        var (silo, http) = await StartAsync(redis, "freeze");
        await using var _ = silo;
        using var __ = http;
        var clock = Stopwatch.StartNew();
        await using (var load = OrderLoad.Start(http, clock, $"frz-{Guid.NewGuid():N}"[..12], Symbols))
        {
            Assert.True(await Poll.UntilAsync(() => load.AcknowledgedSince(TimeSpan.Zero) >= 50, HealLimit), "no orders were acknowledged before the freeze");

            // Orders keep filling and positions keep changing: the risk grain has a save in flight
            // or due when Redis stops, and that write (like every one queued behind it) lands late.
            redis.Freeze();
            await Task.Delay(Frozen);
            redis.Thaw();
            await load.StopAsync();
        }

        var thawedAt = silo.Lines.Count;
        var healed = await Poll.UntilAsync(async () => await PlaceAndFill(http, $"frz-after-{Guid.NewGuid():N}"[..20]), HealLimit, TimeSpan.FromSeconds(1));
        // The risk grain's save fails only if one was due while Redis stood still (a fill reported in
        // the last 250 ms before the freeze, or a new equity high during it); on a loaded machine
        // there may have been none. When one failed, the grain must store its positions again.
        var riskSaveFailed = silo.Lines.Any(IsRiskSaveFailure);
        var saved = !riskSaveFailed
            || await Poll.UntilAsync(() => silo.Lines.Any(l => l.Contains("reported positions are stored again", StringComparison.Ordinal)), HealLimit);
        var quietFrom = silo.Lines.Count;
        await Task.Delay(QuietWindow);
        var failuresAfterHealing = silo.Lines.Skip(quietFrom).Where(l => IsRiskSaveFailure(l) || IsStorageError(l)).ToList();
        var metrics = await http.GetFromJsonAsync<JsonObject>("/trading/risk/metrics");
        var positions = await http.GetFromJsonAsync<JsonArray>("/trading/positions");
        output.WriteLine($"{silo.Lines.Skip(thawedAt).Count(IsStorageError)} storage errors logged after the thaw; the last: " +
            string.Join(" | ", silo.Lines.Skip(thawedAt).Where(IsStorageError).TakeLast(3)));

        Assert.True(healed, $"no order was placed and filled within {HealLimit.TotalSeconds} s of the thaw.\n{Tail(silo)}");
        Assert.True(saved, $"the risk grain's save failed in the freeze and it did not store its positions again after the thaw.\n{Tail(silo)}");
        Assert.True(failuresAfterHealing.Count == 0, $"storage errors went on after healing:\n{string.Join('\n', failuresAfterHealing.Take(10))}");
        foreach (var symbol in Symbols)
        {
            var traded = (decimal?)positions!.Single(p => (string?)p!["symbol"] == symbol)!["quantity"];
            var exposure = (decimal?)metrics!["exposures"]!.AsArray().Single(e => (string?)e!["symbol"] == symbol)!["quantity"];
            Assert.Equal(traded, exposure);
        }
    }

    [SkippableFact]
    public async Task RedisRestartedEmpty_ReadinessIs503NamingTheLostStateAndNothingAnswers500()
    {
        Skip.If(RedisServer.NotInstalled is not null, RedisServer.NotInstalled);
        await using var redis = await RedisServer.StartAsync();
        var (silo, http) = await StartAsync(redis, "wipe");
        await using var _ = silo;
        using var __ = http;
        Assert.True(await PlaceAndFill(http, $"wipe-{Guid.NewGuid():N}"[..16]), "the order before the wipe did not fill");

        await redis.WipeAndStartAgainAsync();
        JsonObject? ready = null;
        var noticed = await Poll.UntilAsync(async () =>
        {
            using var response = await http.GetAsync("/health/ready");
            ready = await response.Content.ReadFromJsonAsync<JsonObject>();
            return response.StatusCode == HttpStatusCode.ServiceUnavailable
                && ((string?)ready!["checks"]!["redis"]!["description"])?.Contains("no longer holds", StringComparison.Ordinal) == true;
        }, HealLimit);
        var answers = new List<(string Request, HttpStatusCode Status)>();
        foreach (var attempt in Enumerable.Range(0, 3))
        {
            using var rotate = await http.PostAsync("/security/rotate-jwt", Body("""{"reason":"after the wipe"}"""));
            answers.Add(($"rotate {attempt}", rotate.StatusCode));
            using var key = await http.PostAsJsonAsync("/security/api-keys", new { name = $"after the wipe {attempt}", roles = new[] { "viewer" } });
            answers.Add(($"create key {attempt}", key.StatusCode));
            using var order = await http.PostAsync("/trading/orders", Body(Order($"wipe-after-{attempt}-{Guid.NewGuid():N}"[..24], quantity: 0.01m)));
            answers.Add(($"order {attempt}", order.StatusCode));
        }

        output.WriteLine(string.Join(", ", answers.Select(a => $"{a.Request}: {(int)a.Status}")));
        Assert.True(noticed, $"readiness did not turn 503 naming the lost state; last report: {ready?.ToJsonString()}\n{Tail(silo)}");
        Assert.Contains(":state-epoch", (string?)ready!["checks"]!["redis"]!["description"]);

        // The first writes meet records that are gone (the grains' ETags name versions Redis lost):
        // 503, and each grain starts again from what Redis holds now; nothing is ever a 500.
        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status));
        Assert.All(answers, a => Assert.True((int)a.Status < 500 || a.Status == HttpStatusCode.ServiceUnavailable, $"{a.Request} answered {(int)a.Status}"));
        Assert.DoesNotContain(silo.Lines, l => l.Contains(" ERR] AriaPro.Silo.Http.FacadeExceptionHandler", StringComparison.Ordinal));
        using var stillNotReady = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stillNotReady.StatusCode);
    }

    private static async Task<(SiloProcess Silo, HttpClient Http)> StartAsync(RedisServer redis, string prefix)
    {
        var httpPort = LoopbackPorts.Free();
        var silo = SiloProcess.Start(SiloOnRedis.Environment(redis, httpPort, Symbols, prefix));
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        await silo.WaitForOutputAsync("AriaPro started", StartLimit);
        await TestAuth.AuthorizeAsAdminAsync(http);
        return (silo, http);
    }

    private static async Task<bool> PlaceAndFill(HttpClient http, string id)
    {
        using var response = await http.PostAsync("/trading/orders", Body(Order(id, quantity: 0.01m)));
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return false;
        }

        return await Poll.UntilAsync(async () =>
        {
            using var read = await http.GetAsync($"/trading/orders/{id}");
            return read.StatusCode == HttpStatusCode.OK && (string?)(await read.Content.ReadFromJsonAsync<JsonObject>())!["status"] == "Filled";
        }, TimeSpan.FromSeconds(10));
    }

    private static bool IsRiskSaveFailure(string line) => line.Contains("Could not store the", StringComparison.Ordinal);

    private static bool IsStorageError(string line) =>
        line.Contains(" ERR]", StringComparison.Ordinal) && (line.Contains("Storage", StringComparison.OrdinalIgnoreCase) || line.Contains("ETag", StringComparison.Ordinal));

    private static string Tail(SiloProcess silo) => string.Join('\n', silo.Lines.TakeLast(40));
}
