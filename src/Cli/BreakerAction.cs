namespace AriaPro.Cli;

/// <summary>What <c>aria breaker</c> does to a symbol's circuit breaker.</summary>
internal enum BreakerAction
{
    Reset,
    Halt,
    Resume,
}
