using System.Globalization;
using System.Text.Json;
using AriaPro.Client.Http;
using Spectre.Console;

namespace AriaPro.Cli.Output;

/// <summary>Writing answers: raw JSON for scripts, property grids and plain values for people.</summary>
internal static class CliOutput
{
    /// <summary>What an absent value shows as.</summary>
    public const string None = "-";

    /// <summary>Writes <paramref name="value"/> as indented JSON in the facade's conventions, unwrapped.</summary>
    public static void Json<T>(IAnsiConsole console, T value) =>
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, AriaJson.Indented));

    /// <summary>A two-column table of names and markup values, titled.</summary>
    public static Table Properties(string title, params (string Name, string Markup)[] rows)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }
            .AddColumn("Field")
            .AddColumn("Value");
        foreach (var (name, value) in rows)
        {
            table.AddRow(Markup.Escape(name), value);
        }

        return table;
    }

    /// <summary>Plain text made safe for markup; null shows as <see cref="None"/>.</summary>
    public static string Text(string? value) => value is null ? None : Markup.Escape(value);

    /// <summary>A number in invariant culture without trailing zeros (117, not 117.00000; -8.73, not -8.7300000).</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>A number, or <see cref="None"/>.</summary>
    public static string Number(decimal? value) => value is { } v ? Number(v) : None;

    /// <summary>A statistic to four decimals, or <see cref="None"/>.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : None;

    /// <summary>A fraction as a percentage, or <see cref="None"/>.</summary>
    public static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : None;

    /// <summary>An instant in UTC to the second, or <see cref="None"/>.</summary>
    public static string Time(DateTimeOffset? instant) =>
        instant is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z" : None;
}
