using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Risk;

public sealed partial class RiskGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Risk series seeded from {File}: {Count} daily returns")]
    private partial void LogSeeded(string file, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Day closed: equity {Equity} {Currency}, return {Return}, {Count} returns kept")]
    private partial void LogDayClosed(decimal equity, string currency, double? @return, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk budget denies {Symbol}: {Reason}")]
    private partial void LogDenied(string symbol, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Kill switch tripped: {Reason}; every symbol is Reducing until an admin resumes trading")]
    private partial void LogKillSwitchTripped(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kill switch lifted by an admin ({Reason}); it had tripped because {Trip}")]
    private partial void LogKillSwitchLifted(string reason, string trip);

    [LoggerMessage(Level = LogLevel.Error, Message = "The kill switch's trip could not be stored; it holds in this activation and is stored with the next save")]
    private partial void LogKillSwitchNotStored(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The kill switch's alert could not be reported; it is reported again with the next figures")]
    private partial void LogKillSwitchAlertFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The return window of {Symbol} could not be fetched; its last one (or the catalog fallback) stays in use")]
    private partial void LogWindowUnavailable(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "End-of-day snapshot skipped: fencing token {Token}, last close under {LastToken} at {LastClosed}")]
    private partial void LogCloseSkipped(long token, long lastToken, DateTimeOffset? lastClosed);

    [LoggerMessage(Level = LogLevel.Information, Message = "End-of-day snapshot scheduled daily at {EndOfDay} UTC, next at {Next}")]
    private partial void LogScheduled(TimeOnly endOfDay, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the {Count} reported positions; re-reading storage and trying again every 250 ms until it works")]
    private partial void LogPositionsNotSaved(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Count} reported positions are stored again")]
    private partial void LogPositionsSavedAgain(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not re-read the risk state after a failed write; trying again with the next save")]
    private partial void LogReloadFailed(Exception exception);
}
