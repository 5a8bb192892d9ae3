using System.Runtime;

namespace AriaPro.Silo.Hosting;

/// <summary>
/// Gives the start-up's garbage back once the silo is up. Starting allocates about 130 MB that
/// dies at once (the dashboard's asset provider alone copies and compresses its 13 MB bundle
/// through growing buffers, about 75 MB on the large-object heap), and a collector left to itself
/// keeps that memory committed for a long time. One blocking, compacting, aggressive collection
/// after start returns it; it runs once, off the request path, in the silo process only (not in a
/// host a test or a benchmark builds).
/// </summary>
internal static class StartupGarbage
{
    public static void ReleaseInBackground() => _ = Task.Run(() =>
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    });
}
