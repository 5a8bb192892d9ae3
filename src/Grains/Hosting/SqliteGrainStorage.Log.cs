using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Hosting;

public sealed partial class SqliteGrainStorage
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Grain state in {DatabasePath} (SQLite, WAL, synchronous=FULL)")]
    private partial void LogOpened(string databasePath);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Storing {Count} grain states in {DatabasePath} failed; those writes are refused and the next batch reopens the database")]
    private partial void LogBatchFailed(Exception exception, string databasePath, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing {DatabasePath} after a fault failed")]
    private partial void LogCloseFailed(Exception exception, string databasePath);
}
