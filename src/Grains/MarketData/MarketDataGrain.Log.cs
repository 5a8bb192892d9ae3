using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.MarketData;

public sealed partial class MarketDataGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Market data {Symbol} activated on feed {Feed} at {Price} with {Bars} bars loaded and {Days} daily returns")]
    private partial void LogActivated(string symbol, string feed, decimal price, int bars, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market data {Symbol} could not store its daily return window; it is tried again with the next bars")]
    private partial void LogReturnsNotSaved(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {Feed} for {Symbol} is exhausted after the bar of {LastBarTime}")]
    private partial void LogReplayExhausted(string symbol, string feed, DateTimeOffset? lastBarTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market data {Symbol} activated with an invalid symbol: {Reason}")]
    private partial void LogInvalidSymbol(string symbol, string reason);
}
