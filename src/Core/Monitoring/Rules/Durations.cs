using System.Globalization;

namespace AriaPro.Core.Monitoring.Rules;

/// <summary>Durations as alerts.json writes them: a number and a unit, <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>.</summary>
internal static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var unitLength = text.EndsWith("ms", StringComparison.Ordinal) ? 2 : 1;
        if (text.Length <= unitLength)
        {
            return false;
        }

        double unit = text[^unitLength..] switch
        {
            "ms" => 1,
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            _ => double.NaN,
        };
        var number = text[..^unitLength];
        if (double.IsNaN(unit)
            || !char.IsAsciiDigit(number[^1])
            || !double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || Math.Abs(value * unit) > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(value * unit);
        return true;
    }
}
