using System.Globalization;

namespace AriaPro.Grains.MarketData;

/// <summary>
/// Parses the time cell of a bar: ISO-8601 with or without an offset (none means UTC),
/// <c>yyyy-MM-dd HH:mm[:ss]</c>, <c>yyyy-MM-dd</c>, <c>dd.MM.yyyy[ HH:mm[:ss]]</c> or Unix seconds.
/// </summary>
public static class CsvDateParser
{
    private const int UnixMillisecondsDigits = 13;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd",
        "dd.MM.yyyy HH:mm:ss.FFFFFFF",
        "dd.MM.yyyy HH:mm:ss",
        "dd.MM.yyyy HH:mm",
        "dd.MM.yyyy",
    ];

    /// <summary>Parses <paramref name="text"/> into a UTC time; false when it matches no supported format.</summary>
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
        {
            return TryParseUnix(trimmed, out time);
        }

        if (DateTimeOffset.TryParseExact(
                trimmed,
                Formats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var parsed))
        {
            time = parsed.ToUniversalTime();
            return true;
        }

        time = default;
        return false;
    }

    private static bool TryParseUnix(string digits, out DateTimeOffset time)
    {
        time = default;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        // Thirteen digits and more are milliseconds: seconds that large lie beyond year 9999.
        var milliseconds = digits.Length >= UnixMillisecondsDigits;
        var max = milliseconds ? MaxUnixMilliseconds : MaxUnixSeconds;
        if (value > max)
        {
            return false;
        }

        time = milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        return true;
    }
}
