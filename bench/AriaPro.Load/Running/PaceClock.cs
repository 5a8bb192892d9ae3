using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AriaPro.Load.Running;

/// <summary>
/// Waits for a <see cref="Stopwatch"/> timestamp on the open-loop sender thread without spinning a
/// core away from the system under test. On Linux the thread asks for a timer slack of 1 ns and
/// sleeps (<c>nanosleep</c>) until shortly before the time, then yields for the rest; elsewhere it
/// sleeps whole milliseconds and yields inside the last one, as .NET offers nothing finer.
/// </summary>
public static class PaceClock
{
    // Sleep until this close to the time, then yield: a nanosleep wakes some microseconds late.
    private static readonly long YieldWindow = Stopwatch.Frequency / 50_000;

    // Off Linux: further ahead than this sleeps a millisecond, closer yields.
    private static readonly long MillisecondSleepThreshold = Stopwatch.Frequency * 11 / 10_000;

    private const int PrSetTimerSlack = 29;

    /// <summary>Prepares the calling thread; call once on the sender thread before its first <see cref="WaitUntil"/>.</summary>
    public static void PrepareThread()
    {
        if (OperatingSystem.IsLinux())
        {
            // Best effort: with the default slack (50 µs) the sleeps are only coarser.
            _ = prctl(PrSetTimerSlack, 1, 0, 0, 0);
        }
    }

    /// <summary>Returns at or just after <paramref name="due"/>.</summary>
    public static void WaitUntil(long due)
    {
        while (true)
        {
            var ahead = due - Stopwatch.GetTimestamp();
            if (ahead <= 0)
            {
                return;
            }

            if (OperatingSystem.IsLinux() && ahead > YieldWindow)
            {
                var nanoseconds = (ahead - YieldWindow) * 1_000_000_000 / Stopwatch.Frequency;
                var request = new Timespec(nanoseconds / 1_000_000_000, nanoseconds % 1_000_000_000);
                _ = nanosleep(ref request, IntPtr.Zero);
            }
            else if (!OperatingSystem.IsLinux() && ahead > MillisecondSleepThreshold)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec(long seconds, long nanoseconds)
    {
        public long Seconds = seconds;
        public long Nanoseconds = nanoseconds;
    }

    [DllImport("libc", EntryPoint = "nanosleep")]
    private static extern int nanosleep(ref Timespec request, IntPtr remaining);

    [DllImport("libc", EntryPoint = "prctl")]
    private static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}
