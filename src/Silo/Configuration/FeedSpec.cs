using AriaPro.Grains.MarketData;

namespace AriaPro.Silo.Configuration;

/// <summary>The parsed <c>ARIA_FEED</c>: a kind, and for CSV replay the file and optional symbol.</summary>
public sealed record FeedSpec(FeedKind Kind, string? CsvPath = null, string? CsvSymbol = null)
{
    /// <summary>The default synthetic random-walk feed.</summary>
    public static FeedSpec Synthetic { get; } = new(FeedKind.Synthetic);

    /// <summary>The specification text: <c>synthetic</c>, <c>csv:PATH</c> or <c>csv:PATH,SYMBOL</c>.</summary>
    public override string ToString() => Kind switch
    {
        FeedKind.Csv when CsvSymbol is not null => $"csv:{CsvPath},{CsvSymbol}",
        FeedKind.Csv => $"csv:{CsvPath}",
        _ => "synthetic",
    };
}
