using System.Diagnostics;
using AriaPro.Load.Operations;
using HdrHistogram;

namespace AriaPro.Load.Running;

/// <summary>Offers load with one operation: open loop at a fixed rate, or closed loop at a concurrency cap.</summary>
public static class LoadRunner
{
    /// <summary>
    /// Sends on <paramref name="schedule"/> from a dedicated thread, at most
    /// <paramref name="concurrency"/> calls in flight (a send that finds the cap reached waits, and
    /// the wait counts in its latency). Latency runs from the intended send time to the answer.
    /// Calls unanswered <paramref name="drainLimit"/> after the last send count as errors.
    /// </summary>
    public static async Task<StepResult> OpenLoopAsync(LoadOperation operation, OpenLoopSchedule schedule, int concurrency, TimeSpan drainLimit, string label)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var latency = LatencySummary.NewHistogram();
        var lag = LatencySummary.NewHistogram();
        var errors = new ErrorTally();
        using var gate = new SemaphoreSlim(concurrency, concurrency);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long outstanding = 1, succeeded = 0, lastAnswer = 0, sent = 0;
        var start = Stopwatch.GetTimestamp();

        void Done()
        {
            if (Interlocked.Decrement(ref outstanding) == 0)
            {
                finished.TrySetResult();
            }
        }

        async Task Fire(long index, long due)
        {
            if (await AttemptAsync(operation, index, errors))
            {
                Interlocked.Increment(ref succeeded);
            }

            var now = Stopwatch.GetTimestamp();
            LatencySummary.Record(latency, Stopwatch.GetElapsedTime(due, now).TotalMicroseconds);
            InterlockedMax(ref lastAnswer, now);
            gate.Release();
            Done();
        }

        var sender = new Thread(() =>
        {
            PaceClock.PrepareThread();
            for (long i = 0; i < schedule.Count; i++)
            {
                var due = schedule.TimestampOf(start, i);
                PaceClock.WaitUntil(due);
                gate.Wait();
                LatencySummary.Record(lag, Stopwatch.GetElapsedTime(due).TotalMicroseconds);
                Interlocked.Increment(ref outstanding);
                sent++;
                _ = Fire(i, due);
            }

            Done();
        })
        {
            IsBackground = true,
            Name = "aria-load-sender",
        };
        sender.Start();
        await Task.Run(sender.Join);
        var drained = await Task.WhenAny(finished.Task, Task.Delay(drainLimit)) == finished.Task;
        if (!drained)
        {
            errors.AddUnanswered(Interlocked.Read(ref outstanding), drainLimit);
        }

        var end = drained ? Interlocked.Read(ref lastAnswer) : Stopwatch.GetTimestamp();
        return new StepResult(operation.Name, operation.Mode, StepKind.FixedRate, label, schedule.Rate, concurrency, sent,
            Interlocked.Read(ref succeeded), errors.Total, errors.Snapshot(), Stopwatch.GetElapsedTime(start, Math.Max(end, start)).TotalSeconds,
            LatencySummary.Of(latency.Copy()), LatencySummary.Of(lag.Copy()));
    }

    // One call; a refusal or an exception is tallied by its kind, and only success returns true.
    private static async Task<bool> AttemptAsync(LoadOperation operation, long index, ErrorTally errors)
    {
        try
        {
            var refusal = await operation.Call(index);
            if (refusal is null)
            {
                return true;
            }

            errors.Add(refusal, refusal);
        }
        catch (Exception exception)
        {
            errors.Add(exception);
        }

        return false;
    }

    /// <summary>
    /// <paramref name="concurrency"/> workers each send their next call as soon as the last one is
    /// answered, for <paramref name="duration"/>: the most the system does with that many calls in
    /// flight. Latency runs from each send.
    /// </summary>
    public static async Task<StepResult> ClosedLoopAsync(LoadOperation operation, int concurrency, TimeSpan duration, string label)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var latency = LatencySummary.NewHistogram();
        var errors = new ErrorTally();
        long next = -1, succeeded = 0;
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task Worker()
        {
            // Each worker starts on the thread pool, not on the caller's stack.
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var index = Interlocked.Increment(ref next);
                var sentAt = Stopwatch.GetTimestamp();
                if (await AttemptAsync(operation, index, errors))
                {
                    Interlocked.Increment(ref succeeded);
                }

                LatencySummary.Record(latency, Stopwatch.GetElapsedTime(sentAt).TotalMicroseconds);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Worker()));
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new StepResult(operation.Name, operation.Mode, StepKind.Saturation, label, null, concurrency, Interlocked.Read(ref next) + 1,
            Interlocked.Read(ref succeeded), errors.Total, errors.Snapshot(), elapsed, LatencySummary.Of(latency.Copy()), null);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
