using AriaPro.Silo.Security.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace AriaPro.Silo.Tests.Security.Audit;

[Trait("Category", "Unit")]
public sealed class AuditLogTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Record_QueueFull_DropsAndCountsWithoutBlocking()
    {
        var log = new AuditLog([new RecordingSink()], NullLogger<AuditLog>.Instance, capacity: 2);

        // The writer is not started, so nothing drains the queue: a blocking Record would never return.
        await Task.Run(() =>
        {
            for (var i = 0; i < 5; i++)
            {
                log.Record(Event($"e{i}"));
            }
        }).WaitAsync(Limit);

        Assert.Equal(3, log.Dropped);
    }

    [Fact]
    public async Task Record_OneSinkFails_OtherSinkStillGetsEveryEventInOrder()
    {
        var failing = new RecordingSink(fail: true);
        var recording = new RecordingSink();
        var log = new AuditLog([failing, recording], NullLogger<AuditLog>.Instance);
        await log.StartAsync(CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            log.Record(Event($"e{i}"));
        }

        await WaitUntil(() => recording.Written.Count == 3);
        await log.StopAsync(CancellationToken.None);
        Assert.Equal(["e0", "e1", "e2"], recording.Written.Select(e => e.Outcome));
        Assert.Equal(0, log.Dropped);
    }

    [Fact]
    public async Task StopAsync_EventsStillQueued_DrainsThemIntoTheSinks()
    {
        var recording = new RecordingSink();
        var log = new AuditLog([recording], NullLogger<AuditLog>.Instance);
        for (var i = 0; i < 3; i++)
        {
            log.Record(Event($"e{i}"));
        }

        await log.StartAsync(CancellationToken.None);
        await log.StopAsync(CancellationToken.None);

        Assert.Equal(3, recording.Written.Count);
    }

    [Fact]
    public async Task FileSink_Batch_AppendsOneJsonLinePerEvent()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aria-audit-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "nested", "audit.jsonl");
        try
        {
            await using (var sink = new FileAuditSink(path, new AuditOptions().MaxFileBytes, AuditOptions.DefaultKeepFiles, NullLogger<FileAuditSink>.Instance))
            {
                await sink.WriteAsync([Event("first"), Event("second")], CancellationToken.None);
                await sink.WriteAsync([Event("third")], CancellationToken.None);
            }

            var entries = AuditFile.ReadEntries(path);
            Assert.Equal(["first", "second", "third"], entries.Select(e => (string?)e["outcome"]));
            Assert.Equal("key1", (string?)entries[0]["principal"]);
            Assert.Equal("BTC", (string?)entries[0]["details"]!["symbol"]);
            Assert.Equal("2026-01-02T03:04:05.0000000Z", (string?)entries[0]["time"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AuditEvent Event(string outcome) => new(
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), AuditEventTypes.OrderSubmitted, "key1", "127.0.0.1", "POST", "/trading/orders",
        outcome, new Dictionary<string, string> { ["symbol"] = "BTC" });

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not reached within {Limit.TotalSeconds} s");
            await Task.Delay(Step);
        }
    }
}
