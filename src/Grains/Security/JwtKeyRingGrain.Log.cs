using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Security;

public sealed partial class JwtKeyRingGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "JWT signing key {Kid} is current ({Reason}, fencing token {FencingToken}); {KeyCount} keys kept")]
    private partial void LogRotated(string kid, string reason, long fencingToken, int keyCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "JWT signing key {Kid} retired; it validates until {AcceptedUntil}")]
    private partial void LogRetired(string kid, DateTimeOffset? acceptedUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "JWT rotation refused: fencing token {FencingToken} is not newer than {LastFence}, under which {Kid} became current")]
    private partial void LogStale(long fencingToken, long lastFence, string kid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the JWT rotation reminder; trying again on the next activation")]
    private partial void LogReminderFailed(Exception exception);
}
