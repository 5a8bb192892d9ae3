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

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                i++;
            }
            else if (char.IsSurrogate(c) || IsUnprintable(c))
            {
                return $"{field} must not contain control or formatting characters (U+{(int)c:X4} at position {i})";
            }
        }

        return char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
            ? $"{field} must not begin or end with whitespace"
            : null;
    }

    private static bool IsUnprintable(char c) => char.GetUnicodeCategory(c)
        is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
