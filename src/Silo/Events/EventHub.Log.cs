namespace AriaPro.Silo.Events;

public sealed partial class EventHub
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Event hub subscribed to {Count} event streams")]
    private static partial void LogSubscribed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the {Type} stream; retrying in {Seconds} s")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string type, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Type} stream reported an error")]
    private static partial void LogStreamError(ILogger logger, Exception exception, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver a {Type} event to the WebSocket clients")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not unsubscribe from an event stream")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WebSocket client connected for {Types}")]
    private static partial void LogConnected(ILogger logger, string types);
}
