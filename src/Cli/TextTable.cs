using System.Text;

namespace AriaPro.Cli;

/// <summary>Renders rows as space-aligned columns; numeric columns are right-aligned.</summary>
internal static class TextTable
{
    private const string Gap = "  ";

    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, ISet<int> rightAligned)
    {
        var widths = headers.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, headers, widths, rightAligned);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths, rightAligned);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths, ISet<int> rightAligned)
    {
        var line = string.Join(Gap, cells.Select((cell, c) => rightAligned.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c])));
        text.AppendLine(line.TrimEnd());
    }
}
