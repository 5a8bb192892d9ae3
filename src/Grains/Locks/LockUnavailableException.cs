using System.Globalization;

namespace AriaPro.Grains.Locks;

/// <summary>
/// A lock stayed with another holder for the whole wait. Serializable: a grain that runs a
/// cluster-wide job throws it to its caller (the HTTP facade answers 409).
/// </summary>
[GenerateSerializer, Alias("AriaPro.LockUnavailableException")]
public sealed class LockUnavailableException : Exception
{
    public LockUnavailableException()
    {
    }

    public LockUnavailableException(string name, TimeSpan wait)
        : base(string.Create(CultureInfo.InvariantCulture, $"lock '{name}' is held by another holder; gave up after {wait.TotalSeconds:F1}s"))
    {
        LockName = name;
    }

    /// <summary>The lock that could not be taken.</summary>
    [Id(0)]
    public string LockName { get; private set; } = "";
}
