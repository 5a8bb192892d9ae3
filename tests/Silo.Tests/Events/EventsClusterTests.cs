using System.Net;
using System.Text.Json.Nodes;
using AriaPro.Silo.Tests.Cluster;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Events;

/// <summary>Two silo processes on one Redis: a client on either silo sees the events raised on both.</summary>
[Trait("Category", "Integration"), Collection(SiloProcessesCollection.Name)]
public sealed class EventsClusterTests
{
    [SkippableFact]
    public async Task BreakerOpens_ClientsOnBothSilosReceiveIt_OneOfThemFromTheOtherSilo()
    {
        Skip.If(TwoSiloCluster.NoRedis is not null, TwoSiloCluster.NoRedis);
        var cluster = $"ws-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string>
        {
            ["ARIA_REDIS"] = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS")!,
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
            ["ARIA_CLUSTER_ID"] = cluster,
            ["ARIA_SERVICE_ID"] = cluster,
            ["ARIA_AUTOTRADE"] = "0",

            // Every order is rejected: two rejections open USDJPY's breaker.
            ["ARIA_PAPER_REJECT_RATE"] = "1",
            ["AUTO_TRADE_CB_FAILURES"] = "2",
        };
        await using var a = ClusterNode.Create(environment);
        await using var b = ClusterNode.Create(environment);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        await Task.WhenAll(a.WaitForActiveSilosAsync(2), b.WaitForActiveSilosAsync(2));
        await using var onA = await ConnectAsync(a);
        await using var onB = await ConnectAsync(b);
        var siloOfA = (string)(await onA.ReceiveAsync("welcome"))["data"]!["silo"]!;
        var siloOfB = (string)(await onB.ReceiveAsync("welcome"))["data"]!["silo"]!;

        await a.Http.PostOrder(Order("ws-cb-1", "USDJPY"), HttpStatusCode.Created);

        // USDJPY's limit is one lot: the second order waits for the first one's rejection, or the
        // limit denies it (a denial is no broker failure) and the breaker never opens.
        await a.Http.WaitForStatus("ws-cb-1", "Rejected");
        await a.Http.PostOrder(Order("ws-cb-2", "USDJPY"), HttpStatusCode.Created);
        var seenOnA = await onA.ReceiveAsync("circuit_breaker", IsUsdJpyOpening);
        var seenOnB = await onB.ReceiveAsync("circuit_breaker", IsUsdJpyOpening);

        var raisedOn = (string)seenOnA["data"]!["silo"]!;
        Assert.NotEqual(siloOfA, siloOfB);
        Assert.Equal(raisedOn, (string?)seenOnB["data"]!["silo"]);
        Assert.Contains(raisedOn, new[] { siloOfA, siloOfB });
        Assert.Equal("Closed", (string?)seenOnA["data"]!["from"]);
        Assert.Equal("trader", (string?)seenOnB["data"]!["source"]);

        // One client is on the silo that did not raise the event: it crossed silos.
        Assert.Single(new[] { siloOfA, siloOfB }, silo => silo != raisedOn);
    }

    private static bool IsUsdJpyOpening(JsonObject envelope) =>
        (string?)envelope["data"]!["name"] == "USDJPY" && (string?)envelope["data"]!["to"] == "Open";

    private static Task<EventClient> ConnectAsync(ClusterNode node) =>
        EventClient.ConnectAsync(EventClient.Address(node.Http.BaseAddress!,
            $"?types=circuit_breaker&access_token={node.Http.DefaultRequestHeaders.Authorization!.Parameter}"));
}
