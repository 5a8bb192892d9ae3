using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Http;
using AriaPro.Silo.Tests.Hosting;
using Xunit.Abstractions;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>
/// One silo process on a Redis of its own takes a steady stream of orders while Redis is killed
/// with SIGKILL and started again from its append-only file: readiness follows Redis, refusals
/// are 503 problems with Retry-After, and afterwards no acknowledged order is lost or left half done.
/// </summary>
[Trait("Category", "Integration"), Collection(SiloProcessesCollection.Name)]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    private static readonly string[] Symbols = ["EURUSD", "GBPUSD"];
    private static readonly string[] TerminalStatuses = ["Filled", "Rejected", "Cancelled", "Expired", "Denied"];

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan NotReadyLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan OutageLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReadyAgainLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AcceptedAgainLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LateSubmitLimit = TimeSpan.FromSeconds(40);

    /// <summary>Longest any order request may wait: the facade's grain-call deadline plus room for a busy machine.</summary>
    private static readonly TimeSpan LongestAnswer = GrainCallDeadline.Limit + TimeSpan.FromSeconds(5);

    private const int WarmUpOrders = 100;
    private const int RefusalsDuringOutage = OrderLoad.MaxInFlight;
    private const int OrdersAfterRecovery = 30;
    private const int ParallelReads = 8;

    [SkippableFact]
    public async Task SubmitOrders_RedisKilledAndRestarted_RefusedWith503ThenEveryAcknowledgedOrderKept()
    {
        Skip.If(RedisServer.NotInstalled is not null, RedisServer.NotInstalled);
        await using var redis = await RedisServer.StartAsync();
        var httpPort = LoopbackPorts.Free();
        await using var silo = SiloProcess.Start(SiloEnvironment(redis, httpPort));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = LongestAnswer * 2 };
        await silo.WaitForOutputAsync("AriaPro started", StartLimit);
        await TestAuth.AuthorizeAsAdminAsync(http);
        Assert.True(await Poll.UntilAsync(async () => await ReadyStatus(http) == HttpStatusCode.OK, StartLimit), $"the silo never became ready.\n{silo.Output}");
        var clock = Stopwatch.StartNew();
        await using var load = OrderLoad.Start(http, clock, $"out-{Guid.NewGuid():N}"[..12], Symbols);
        Assert.True(await Poll.UntilAsync(() => load.AcknowledgedSince(TimeSpan.Zero) >= WarmUpOrders, WarmUpLimit),
            $"fewer than {WarmUpOrders} orders were acknowledged before Redis was killed:\n{Recent(load)}");

        await redis.KillAsync();
        var killedAt = clock.Elapsed;
        TimeSpan? notReadyAt = null;
        await Poll.UntilAsync(async () =>
        {
            var status = await ReadyStatus(http);
            notReadyAt = status == HttpStatusCode.ServiceUnavailable ? clock.Elapsed : null;
            return notReadyAt is not null;
        }, NotReadyLimit + LongestAnswer);
        var refusedDuringOutage = await Poll.UntilAsync(
            () => load.Attempts.Count(a => a.SentAt >= killedAt && a.Status == HttpStatusCode.ServiceUnavailable) >= RefusalsDuringOutage, OutageLimit);

        await redis.StartAgainAsync();
        var restartedAt = clock.Elapsed;
        TimeSpan? readyAgainAt = null;
        await Poll.UntilAsync(async () =>
        {
            readyAgainAt = await ReadyStatus(http) == HttpStatusCode.OK ? clock.Elapsed : null;
            return readyAgainAt is not null;
        }, ReadyAgainLimit);
        var acceptedAgain = await Poll.UntilAsync(() => load.AcknowledgedSince(readyAgainAt ?? restartedAt) >= OrdersAfterRecovery, AcceptedAgainLimit);
        await load.StopAsync();
        var attempts = load.Attempts;
        output.WriteLine($"Redis killed at {killedAt.TotalSeconds:F2} s, readiness 503 at {notReadyAt?.TotalSeconds:F2} s, "
            + $"Redis restarted at {restartedAt.TotalSeconds:F2} s, ready again at {readyAgainAt?.TotalSeconds:F2} s; "
            + $"{attempts.Count} orders sent, {attempts.Count(a => a.Acknowledged)} acknowledged, "
            + $"{attempts.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} refused with 503");
        foreach (var cause in attempts.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).GroupBy(a => (string?)a.Body?["detail"]))
        {
            output.WriteLine($"  {cause.Count()} x 503: {cause.Key}");
        }

        Assert.True(notReadyAt - killedAt <= NotReadyLimit,
            $"/health/ready was not 503 within {NotReadyLimit.TotalSeconds} s of the kill (503 first seen {(notReadyAt - killedAt)?.TotalSeconds:F2} s after it)");
        Assert.True(readyAgainAt is not null, $"/health/ready did not return to 200 within {ReadyAgainLimit.TotalSeconds} s of the restart.\n{silo.Output}");
        Assert.True(acceptedAgain, $"fewer than {OrdersAfterRecovery} orders were acknowledged once ready again:\n{Recent(load)}");
        AssertEveryAnswer(attempts, killedAt, restartedAt);
        Assert.True(refusedDuringOutage, $"fewer than {RefusalsDuringOutage} orders sent while Redis was down were refused with 503:\n{Recent(load)}");
        await WaitForLateSubmits(attempts, silo);
        await AssertEveryOrderSettledAndInThePosition(http, attempts, silo);
    }

    private static Dictionary<string, string> SiloEnvironment(RedisServer redis, int httpPort) => SiloOnRedis.Environment(redis, httpPort, Symbols, "outage");

    private static async Task<HttpStatusCode> ReadyStatus(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready");
        return response.StatusCode;
    }

    // Every request got an answer, in time, and only one of three: the order (201), the order the
    // id was first used for (200), or a 503 problem with Retry-After. While Redis was down nothing
    // was acknowledged.
    private static void AssertEveryAnswer(IReadOnlyList<OrderAttempt> attempts, TimeSpan killedAt, TimeSpan restartedAt)
    {
        var duringOutage = attempts.Where(a => a.SentAt >= killedAt && a.AnsweredAt <= restartedAt).ToList();

        AssertNone(attempts.Where(a => a.Error is not null), "orders without an answer");
        AssertNone(attempts.Where(a => a.Status is not (HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)), "orders answered neither 201, 200 nor 503");
        AssertNone(attempts.Where(a => a.Status is HttpStatusCode.Created or HttpStatusCode.OK && !a.Acknowledged), "orders answered 201 or 200 without their order");
        AssertNone(attempts.Where(a => a.Latency > LongestAnswer), $"orders answered after more than {LongestAnswer.TotalSeconds} s");
        AssertNone(attempts.Where(a => a.Status == HttpStatusCode.ServiceUnavailable && !IsRetryLaterProblem(a)), "503s that are not problem+json with Retry-After");
        Assert.True(duringOutage.Count > 0, "no order was both sent and answered while Redis was down");
        AssertNone(duringOutage.Where(a => a.Status != HttpStatusCode.ServiceUnavailable), "orders sent and answered while Redis was down but not refused with 503");
    }

    private static void AssertNone<T>(IEnumerable<T> offenders, string what)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, $"{list.Count} {what}:\n{string.Join('\n', list.Take(20))}");
    }

    private static bool IsRetryLaterProblem(OrderAttempt attempt) =>
        attempt.ContentType == "application/problem+json"
        && int.TryParse(attempt.RetryAfter, out var seconds) && seconds > 0
        && (int?)attempt.Body?["status"] == 503
        && !string.IsNullOrEmpty((string?)attempt.Body?["title"]);

    // A submit refused at the facade's deadline runs on inside the silo and may still store its
    // order; the silo logs how each one ended. Wait for all of them before taking stock.
    private async Task WaitForLateSubmits(IReadOnlyList<OrderAttempt> attempts, SiloProcess silo)
    {
        var late = attempts.Where(a => a.Status == HttpStatusCode.ServiceUnavailable
            && ((string?)a.Body?["detail"])?.Contains($"({nameof(TimeoutException)})", StringComparison.Ordinal) == true).ToList();
        bool Ended(OrderAttempt a) =>
            silo.Output.Contains($"submit of order {a.Id} completed after", StringComparison.Ordinal)
            || silo.Output.Contains($"submit of order {a.Id} failed after", StringComparison.Ordinal);

        var ended = await Poll.UntilAsync(() => late.All(Ended), LateSubmitLimit, TimeSpan.FromSeconds(1));

        output.WriteLine($"{late.Count} submits refused at the deadline; {late.Count(a => silo.Output.Contains($"submit of order {a.Id} completed after", StringComparison.Ordinal))} of them stored their order later");
        Assert.True(ended, $"submits refused at the deadline whose end the silo never logged: {string.Join(", ", late.Where(a => !Ended(a)).Select(a => a.Id))}");
    }

    private async Task AssertEveryOrderSettledAndInThePosition(HttpClient http, IReadOnlyList<OrderAttempt> attempts, SiloProcess silo)
    {
        // Every id ever sent is asked for: an acknowledged one must be known; a refused one may be
        // known too (its grain call finished after the 503), and then it counts like any other.
        var orders = attempts.ToDictionary(a => a.Id, _ => (Status: (HttpStatusCode?)null, Order: (JsonObject?)null));
        var settled = await Poll.UntilAsync(async () =>
        {
            var open = orders.Where(o => !IsFinal(o.Value)).Select(o => o.Key).ToList();
            using var reads = new SemaphoreSlim(ParallelReads);
            var answers = await Task.WhenAll(open.Select(async id =>
            {
                await reads.WaitAsync();
                try
                {
                    using var response = await http.GetAsync($"/trading/orders/{id}");
                    return (Id: id, response.StatusCode, Order: response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null);
                }
                finally
                {
                    reads.Release();
                }
            }));
            foreach (var (id, status, order) in answers)
            {
                orders[id] = (status, order);
            }

            return orders.Values.All(IsFinal);
        }, SettleLimit, TimeSpan.FromSeconds(1));

        var acknowledged = attempts.Where(a => a.Acknowledged).Select(a => a.Id).ToHashSet();
        var known = orders.Where(o => o.Value.Status == HttpStatusCode.OK).ToDictionary(o => o.Key, o => o.Value.Order!);
        AssertNone(acknowledged.Where(id => !known.ContainsKey(id)).Select(id => $"{id}: {orders[id].Status}"), "acknowledged orders not found afterwards");
        AssertNone(orders.Where(o => o.Value.Status is not (HttpStatusCode.OK or HttpStatusCode.NotFound)).Select(o => $"{o.Key}: {o.Value.Status}"), "orders that could not be read afterwards");
        AssertNone(known.Where(o => (string?)o.Value["clientOrderId"] != o.Key).Select(o => $"{o.Key}: {o.Value.ToJsonString()}"), "orders read back under another id");

        var positions = (await http.GetFromJsonAsync<JsonArray>("/trading/positions"))!;
        foreach (var symbol in Symbols)
        {
            var expected = known.Values.Where(o => (string?)o["symbol"] == symbol)
                .Sum(o => ((string?)o["side"] == "Buy" ? 1m : -1m) * (decimal)o["filledQuantity"]!);
            var position = positions.OfType<JsonObject>().Single(p => (string?)p["symbol"] == symbol);
            Assert.True(expected == (decimal?)position["quantity"],
                $"{symbol}: position {position["quantity"]} but the orders it has filled add up to {expected}");
        }

        var unsettled = known.Values.Where(o => !TerminalStatuses.Contains((string?)o["status"])).ToList();
        output.WriteLine($"{known.Count} orders known ({acknowledged.Count} acknowledged), {unsettled.Count} not terminal; settled in time: {settled}");
        foreach (var order in unsettled)
        {
            output.WriteLine($"  not terminal: {order.ToJsonString()}");
            var mentioned = new Regex($@"\b{Regex.Escape((string)order["clientOrderId"]!)}\b");
            foreach (var line in silo.Output.Split('\n').Where(l => l.StartsWith('[') && mentioned.IsMatch(l)))
            {
                output.WriteLine($"    silo: {line}");
            }
        }

        // The broker delivers every report until the trader has stored it, so no order may be left
        // working once Redis is back.
        Assert.True(unsettled.Count == 0,
            $"orders not terminal {SettleLimit.TotalSeconds} s after recovery:\n{string.Join('\n', unsettled.Select(o => o.ToJsonString()))}");
    }

    private static bool IsFinal((HttpStatusCode? Status, JsonObject? Order) read) =>
        read.Status == HttpStatusCode.NotFound
        || (read.Status == HttpStatusCode.OK && TerminalStatuses.Contains((string?)read.Order?["status"]));

    private static string Recent(OrderLoad load) =>
        string.Join('\n', load.Attempts.TakeLast(20).Select(a => a.ToString()));
}
