using System.Buffers;
using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace AriaPro.Silo.Hosting;

/// <summary>
/// Writes control and formatting characters in a log event's text properties as escapes
/// (<c>\n</c>, <c>\u001B</c>, ...), so that no value, whoever supplied it, can start a forged
/// line, recolour the terminal or hide text. Input is refused at the doors already (TextRules);
/// this keeps the log honest for anything that reached it another way (state stored before, a
/// message of a library).
/// </summary>
public sealed class ControlCharacterEscaper : ILogEventEnricher
{
    private static readonly SearchValues<char> Unprintable = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
            '\u2028', '\u2029', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    /// <inheritdoc />
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? escaped = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && text.AsSpan().IndexOfAny(Unprintable) >= 0)
            {
                (escaped ??= []).Add(new LogEventProperty(name, new ScalarValue(Escape(text))));
            }
        }

        foreach (var property in escaped ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary><paramref name="text"/> with every unprintable character written as an escape.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when Unprintable.Contains(c) => $"\\u{((int)c).ToString("X4", CultureInfo.InvariantCulture)}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
