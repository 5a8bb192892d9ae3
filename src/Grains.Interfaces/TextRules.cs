using System.Globalization;

namespace AriaPro.Grains.Interfaces;

/// <summary>
/// The rule for text a person gives the system and the system writes back into logs, audit
/// records and screens (API key names, halt and rotation reasons): printable, no control or
/// formatting characters (a newline would forge a log line, an ANSI escape recolour a terminal, a
/// bidirectional override hide text), and no leading or trailing whitespace.
/// </summary>
public static class TextRules
{
    /// <summary>Longest reason an operator may give for an action.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>Why <paramref name="text"/> is unusable as <paramref name="field"/>, or null when it is fine.</summary>
    public static string? PrintableError(string field, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"{field} must not be empty";
        }

        if (text.Length > maxLength)
        {
            return $"{field} is longer than {maxLength} characters";
        }

        var unprintable = UnpairedSurrogateAt(text) ?? FirstUnprintableAt(text);
        if (unprintable is { } at)
        {
            return $"{field} must not contain control or formatting characters (U+{(int)text[at]:X4} at position {at})";
        }

        return char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
            ? $"{field} must not begin or end with whitespace"
            : null;
    }

    /// <summary>Where <paramref name="text"/> holds half of a UTF-16 surrogate pair, or null when it is well-formed text.</summary>
    public static int? UnpairedSurrogateAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static int? FirstUnprintableAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnprintable(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsUnprintable(char c) => char.GetUnicodeCategory(c)
        is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
