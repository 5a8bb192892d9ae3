namespace AriaPro.Grains.Hosting;

/// <summary>
/// The service key of the <see cref="TimeProvider"/> that trading logic reads. It is keyed so
/// that tests can drive trading time with a fake clock while the Orleans runtime keeps real time.
/// </summary>
public static class AriaClock
{
    /// <summary>Key of the trading <see cref="TimeProvider"/>.</summary>
    public const string Key = "aria";
}
