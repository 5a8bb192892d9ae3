using AriaPro.Silo.Security.RateLimiting;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

/// <summary>A load the test sets; counts how often the limiter sampled it.</summary>
internal sealed class SettableLoadSampler : ILoadSampler
{
    public LoadSample Load { get; set; }

    public int Samples { get; private set; }

    public LoadSample Sample()
    {
        Samples++;
        return Load;
    }
}
