using System.Collections.Concurrent;

namespace AriaPro.Load.Running;

/// <summary>Counts a step's errors by kind, keeping the first message of each kind.</summary>
public sealed class ErrorTally
{
    private readonly ConcurrentDictionary<string, Entry> _kinds = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Errors counted.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Counts an error of <paramref name="kind"/>.</summary>
    public void Add(string kind, string example)
    {
        Interlocked.Increment(ref _total);
        var entry = _kinds.GetOrAdd(kind, static (_, first) => new Entry(first), example);
        Interlocked.Increment(ref entry.Count);
    }

    /// <summary>Counts an exception by its type, with its message.</summary>
    public void Add(Exception exception)
    {
        var inner = exception is AggregateException { InnerExceptions: [var single] } ? single : exception;
        Add(inner.GetType().Name, inner.Message);
    }

    /// <summary>Counts <paramref name="count"/> calls still unanswered when the step gave up waiting.</summary>
    public void AddUnanswered(long count, TimeSpan waited)
    {
        if (count <= 0)
        {
            return;
        }

        Interlocked.Add(ref _total, count);
        var entry = _kinds.GetOrAdd("unanswered", static (_, w) => new Entry($"no answer within {w.TotalSeconds:F0} s after the last send"), waited);
        Interlocked.Add(ref entry.Count, count);
    }

    /// <summary>The kinds counted so far.</summary>
    public IReadOnlyDictionary<string, ErrorKind> Snapshot() =>
        _kinds.ToDictionary(k => k.Key, k => new ErrorKind(Interlocked.Read(ref k.Value.Count), k.Value.Example), StringComparer.Ordinal);

    private sealed class Entry(string example)
    {
        public long Count;

        public string Example { get; } = example;
    }
}
