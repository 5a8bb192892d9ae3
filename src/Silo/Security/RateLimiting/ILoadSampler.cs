namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>Measures the silo's load for the adaptive limits (tests substitute a settable one).</summary>
public interface ILoadSampler
{
    /// <summary>The load now; called at most once per <see cref="AdaptiveLimits.SampleInterval"/>.</summary>
    LoadSample Sample();
}
