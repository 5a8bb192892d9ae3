using System.Collections.Concurrent;
using AriaPro.Silo.Security.RateLimiting;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

internal sealed class RecordingPenaltyObserver : IPenaltyObserver
{
    public ConcurrentQueue<PenaltyImposed> Imposed { get; } = new();

    public void OnPenaltyImposed(PenaltyImposed penalty) => Imposed.Enqueue(penalty);
}
