namespace AriaPro.Silo.Events;

public sealed partial class EventConnection
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "WebSocket client dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket send failed; the client is gone")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket close handshake did not complete; aborting")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);
}
