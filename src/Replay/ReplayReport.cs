using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AriaPro.Replay;

/// <summary>
/// Writes a replay's report: <c>report.html</c> (self-contained: inline CSS, every chart embedded),
/// the charts as PNG files, <c>orders.csv</c> and <c>risk.json</c> (the risk metrics as
/// <c>GET /trading/risk/metrics</c> returns them). Nothing in them depends on the wall clock, the
/// machine or the run's duration, so the same result always gives byte-identical files.
/// </summary>
public static class ReplayReport
{
    /// <summary>The font the charts are drawn with unless told otherwise (Debian's fonts-dejavu-core).</summary>
    public const string DefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>The report page's file name.</summary>
    public const string HtmlFileName = "report.html";

    /// <summary>The orders' file name.</summary>
    public const string OrdersFileName = "orders.csv";

    /// <summary>The risk metrics' file name.</summary>
    public const string RiskFileName = "risk.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the report into <paramref name="directory"/> (created if needed) with the default font; returns the full paths written.</summary>
    public static Task<IReadOnlyList<string>> WriteAsync(ReplayResult result, string directory, CancellationToken cancellationToken = default) =>
        WriteAsync(result, directory, DefaultFontPath, cancellationToken);

    /// <summary>
    /// Writes the report into <paramref name="directory"/> (created if needed), drawing with the
    /// TrueType font at <paramref name="fontPath"/>; returns the full paths written. A missing font
    /// is a <see cref="ReplayException"/> and nothing is written.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(ReplayResult result, string directory, string fontPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (result.Samples.Count == 0)
        {
            throw new ReplayException("The replay has no bar to report.");
        }

        // Tick labels and numbers must not follow the machine's culture.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        IReadOnlyList<ReplayChart> charts;
        try
        {
            charts = ReplayCharts.Render(result, ChartFont.Register(fontPath));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        var written = new List<string>();
        foreach (var chart in charts)
        {
            written.Add(await Write(full, chart.FileName, chart.Png, cancellationToken));
        }

        written.Add(await Write(full, OrdersFileName, Utf8.GetBytes(OrdersCsv.Write(result.Orders)), cancellationToken));
        written.Add(await Write(full, RiskFileName, Utf8.GetBytes(JsonSerializer.Serialize(result.Risk, Json) + "\n"), cancellationToken));
        written.Add(await Write(full, HtmlFileName, Utf8.GetBytes(ReportHtml.Write(result, charts)), cancellationToken));
        return written;
    }

    private static async Task<string> Write(string directory, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return path;
    }
}
