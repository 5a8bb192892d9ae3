using System.Globalization;

namespace AriaPro.Load.Running;

/// <summary>The machine's 1, 5 and 15 minute load averages (Linux), so a report says how busy the machine was.</summary>
public static class LoadAverage
{
    private const string Source = "/proc/loadavg";

    /// <summary>The three averages, or null where the system does not publish them.</summary>
    public static double[]? Read()
    {
        if (!File.Exists(Source))
        {
            return null;
        }

        var fields = File.ReadAllText(Source).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 ? [.. fields.Take(3).Select(f => double.Parse(f, CultureInfo.InvariantCulture))] : null;
    }
}
