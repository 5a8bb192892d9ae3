using System.Collections.Concurrent;

namespace AriaPro.Grains.Trading;

/// <summary>
/// Group commit for the calls many senders make to one grain. Per key (a trader's symbol) one call
/// is out at a time; whatever arrives while it is out goes in the next call, together, up to
/// <c>maxBatch</c> items. A trader that N orders are submitted to at once therefore takes one call
/// and one state write for them instead of N, and an idle trader gets each item at once, with no
/// wait added to gather a batch. Each sender gets its own item's answer (or the call's failure) when
/// the call that carried it has returned: nothing is acknowledged earlier than it would be one call
/// at a time.
/// </summary>
/// <typeparam name="TKey">What names the receiver.</typeparam>
/// <typeparam name="TItem">One sender's item.</typeparam>
/// <typeparam name="TResult">One item's answer; the call answers its items in the order given.</typeparam>
public sealed class CallCoalescer<TKey, TItem, TResult>
    where TKey : notnull
{
    private readonly Func<TKey, IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _call;
    private readonly int _maxBatch;
    private readonly ConcurrentDictionary<TKey, Lane> _lanes = new();
    private long _calls;
    private long _items;

    /// <summary>A coalescer that sends with <paramref name="call"/>, at most <paramref name="maxBatch"/> items a call.</summary>
    public CallCoalescer(Func<TKey, IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> call, int maxBatch)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _call = call;
        _maxBatch = maxBatch;
    }

    /// <summary>Calls made so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Items those calls carried.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>Items for <paramref name="key"/> waiting for the call out to return (not counting the ones it carries).</summary>
    public int Waiting(TKey key)
    {
        if (!_lanes.TryGetValue(key, out var lane))
        {
            return 0;
        }

        lock (lane)
        {
            return lane.Queue.Count;
        }
    }

    /// <summary>Sends <paramref name="item"/> to <paramref name="key"/>'s receiver in the next call; completes with its answer.</summary>
    public Task<TResult> Send(TKey key, TItem item)
    {
        var lane = _lanes.GetOrAdd(key, static _ => new Lane());
        var pending = new Pending(item);
        bool start;
        lock (lane)
        {
            lane.Queue.Enqueue(pending);
            start = !lane.Busy;
            lane.Busy = true;
        }

        if (start)
        {
            // Off the sender's scheduler (a grain's), and without the first sender's request
            // context: the call carries many senders' items, so it belongs to none of them.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(() => Drain(key, lane));
            }
        }

        return pending.Answer.Task;
    }

    private async Task Drain(TKey key, Lane lane)
    {
        while (true)
        {
            List<Pending> batch;
            lock (lane)
            {
                if (lane.Queue.Count == 0)
                {
                    lane.Busy = false;
                    return;
                }

                batch = new(Math.Min(lane.Queue.Count, _maxBatch));
                while (batch.Count < _maxBatch && lane.Queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
            }

            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _items, batch.Count);
            try
            {
                var answers = await _call(key, batch.ConvertAll(p => p.Item));
                if (answers.Count != batch.Count)
                {
                    throw new InvalidOperationException($"a call for {batch.Count} items answered {answers.Count}");
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Answer.TrySetResult(answers[i]);
                }
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Answer.TrySetException(exception);
                }
            }
        }
    }

    private sealed class Lane
    {
        public Queue<Pending> Queue { get; } = new();

        public bool Busy { get; set; }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
