using System.Runtime.CompilerServices;

namespace AriaPro.Silo.Http;

/// <summary>
/// Bounds how long a /trading request waits for its grain call. With Redis down, Orleans retries
/// placing a grain it cannot look up in the Redis grain directory for about 20 s before it gives
/// up; a trading client should hear "retry later" well before that. The call itself runs on: an
/// order stored after its request was refused is found by a retry with the same client order id.
/// </summary>
public sealed partial class GrainCallDeadline(ILogger<GrainCallDeadline> logger, TimeProvider time)
{
    /// <summary>Longest a request waits for one grain call before it is answered 503.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>The call's result, or a <see cref="TimeoutException"/> (a 503 with Retry-After) once <see cref="Limit"/> has passed.</summary>
    public async Task<T> Await<T>(Task<T> call, [CallerArgumentExpression(nameof(call))] string operation = "")
    {
        var started = time.GetTimestamp();
        try
        {
            return await call.WaitAsync(Limit, time);
        }
        catch (TimeoutException) when (call.Exception?.GetBaseException() is not TimeoutException)
        {
            // The deadline passed (the call's own timeout would be its exception): answer now, log later.
            _ = call.ContinueWith(late => ReportLate(late, operation, started), TaskScheduler.Default);
            throw new TimeoutException($"the trading cluster did not answer {operation} within {Limit.TotalSeconds:F0} s");
        }
    }

    // The caller was already told to retry; what the call did in the end goes to the log.
    private void ReportLate(Task call, string operation, long started)
    {
        var elapsed = time.GetElapsedTime(started).TotalSeconds;
        if (call.Exception is { } failure)
        {
            LogLateFailure(failure.GetBaseException(), operation, elapsed);
        }
        else
        {
            LogLateSuccess(operation, elapsed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} failed after {Seconds:F1} s, after its request had been answered 503")]
    private partial void LogLateFailure(Exception exception, string operation, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation} completed after {Seconds:F1} s, after its request had been answered 503; a retry with the same id finds its result")]
    private partial void LogLateSuccess(string operation, double seconds);
}
