namespace AriaPro.Grains.Locks;

/// <summary>A lock stayed with another holder for the whole wait.</summary>
public sealed class LockUnavailableException(string name, TimeSpan wait)
    : Exception($"lock '{name}' is held by another holder; gave up after {wait.TotalSeconds:F1}s")
{
    /// <summary>The lock that could not be taken.</summary>
    public string LockName { get; } = name;
}
