using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.MarketData;

public sealed partial class MarketFeedFactory
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Bars} bars from {CsvPath}, {First} to {Last}")]
    private partial void LogCsvLoaded(string csvPath, int bars, DateTimeOffset first, DateTimeOffset last);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Errors} malformed rows in {CsvPath} ({Bars} valid bars)")]
    private partial void LogMalformedRows(string csvPath, int errors, int bars);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed row in {CsvPath} at line {Line}: {Reason}")]
    private partial void LogMalformedRow(string csvPath, int line, string reason);
}
