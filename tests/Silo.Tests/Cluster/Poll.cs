using System.Diagnostics;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>Waiting for a real process to get somewhere: ask again and again until it has, or until a deadline.</summary>
public static class Poll
{
    /// <summary>How long to wait between two questions unless told otherwise.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>True as soon as <paramref name="condition"/> holds, false if it still does not after <paramref name="limit"/>.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan limit, TimeSpan? interval = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (Stopwatch.GetElapsedTime(started) >= limit)
            {
                return false;
            }

            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    /// <summary>The synchronous-condition form of <see cref="UntilAsync(Func{Task{bool}}, TimeSpan, TimeSpan?)"/>.</summary>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan limit, TimeSpan? interval = null) =>
        UntilAsync(() => Task.FromResult(condition()), limit, interval);
}
