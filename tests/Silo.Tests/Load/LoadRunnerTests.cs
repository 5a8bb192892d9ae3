using System.Collections.Concurrent;
using System.Diagnostics;
using AriaPro.Load.Operations;
using AriaPro.Load.Running;

namespace AriaPro.Silo.Tests.Load;

/// <summary>The open-loop sender makes every scheduled call once and none before its time.</summary>
[Trait("Category", "Unit")]
public sealed class LoadRunnerTests
{
    [Fact]
    public async Task OpenLoop_EveryScheduledCallMadeOnce_NoneBeforeItsTime()
    {
        var schedule = new OpenLoopSchedule(2_000, TimeSpan.FromMilliseconds(100));
        var calls = new ConcurrentDictionary<long, long>();
        var operation = new LoadOperation("probe", "in-process", "records when each call is made", index =>
        {
            var madeAt = Stopwatch.GetTimestamp();
            Assert.True(calls.TryAdd(index, madeAt), $"call {index} made twice");
            return ValueTask.FromResult<string?>(null);
        }, Baseline: null);
        var before = Stopwatch.GetTimestamp();

        var result = await LoadRunner.OpenLoopAsync(operation, schedule, concurrency: 8, TimeSpan.FromSeconds(30), "test");

        Assert.Equal(schedule.Count, result.Sent);
        Assert.Equal(schedule.Count, result.Succeeded);
        Assert.Equal(Enumerable.Range(0, (int)schedule.Count).Select(i => (long)i), calls.Keys.Order());
        Assert.All(calls, call => Assert.True(call.Value >= schedule.TimestampOf(before, call.Key), $"call {call.Key} made before its time"));
    }

    [Theory]
    [InlineData(-1_000)]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(2_000)]
    public void WaitUntil_NeverReturnsBeforeTheTime(int microseconds)
    {
        var due = Stopwatch.GetTimestamp() + microseconds * Stopwatch.Frequency / 1_000_000;

        PaceClock.WaitUntil(due);
        var returnedAt = Stopwatch.GetTimestamp();

        // A lower bound only: a slow machine returns later, never earlier.
        Assert.True(returnedAt >= due, $"returned {due - returnedAt} ticks early");
    }
}
