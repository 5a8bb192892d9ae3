using System.Collections.Concurrent;

namespace AriaPro.Replay;

/// <summary>
/// The one font every chart is drawn with, registered with ScottPlot from a file so the charts are
/// the same on every machine. Without it ScottPlot would silently draw no text at all.
/// </summary>
internal static class ChartFont
{
    private static readonly ConcurrentDictionary<string, string> Registered = new(StringComparer.Ordinal);

    /// <summary>Throws a <see cref="ReplayException"/> that says how to get the font when the file is missing.</summary>
    public static void EnsureExists(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new ReplayException(
                $"The chart font '{path}' does not exist. Install it (Debian: apt-get install fonts-dejavu-core) " +
                "or give the path of another TrueType font; without one the charts would have no text.");
        }
    }

    /// <summary>Registers the font file once and returns the name to draw with.</summary>
    public static string Register(string path)
    {
        EnsureExists(path);
        var full = Path.GetFullPath(path);
        return Registered.GetOrAdd(full, static file =>
        {
            var name = $"AriaReplay-{Path.GetFileNameWithoutExtension(file)}";
            ScottPlot.Fonts.AddFontFile(name, file);
            return name;
        });
    }
}
