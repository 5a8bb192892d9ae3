using AriaPro.Client;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AriaPro.Silo.Http;

/// <summary>
/// Turns what escapes a handler into problem details: an unreachable grain or storage is a 503
/// with Retry-After (retry with the same client order id), a grain's refusal of bad input a 400 (an invalid order's with its
/// errors per field, as a validation problem),
/// and anything else a 500 that names the request's trace id.
/// </summary>
internal sealed partial class FacadeExceptionHandler(IProblemDetailsService problems, ILogger<FacadeExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    /// <summary>The title of every refused order request's problem.</summary>
    internal const string InvalidOrderTitle = "The order request is invalid";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (StatusCodes.Status400BadRequest, "Bad request", bad.Message),
            InvalidOrderException invalid => (StatusCodes.Status400BadRequest, InvalidOrderTitle, string.Join("; ", invalid.Errors.SelectMany(e => e.Value))),
            ArgumentException argument => (StatusCodes.Status400BadRequest, "Invalid request", argument.Message),
            ClientOrderIdConflictException conflict => (StatusCodes.Status409Conflict, "Client order id already used", conflict.Message),
            AriaPro.Grains.Locks.LockUnavailableException busy => (StatusCodes.Status409Conflict, "Another cluster-wide job is running",
                $"{busy.Message}; try again when it has finished"),
            _ when TransientFailure.Cause(exception) is { } cause =>
                (StatusCodes.Status503ServiceUnavailable, "Trading cluster unavailable",
                    $"The trading cluster or its storage did not answer ({cause.GetType().Name}). Retry after {RetryAfterSeconds} s; retrying an order with the same client order id is safe."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred; it has been logged."),
        };
        // A refusal is not an error of ours: bad input logs nothing, an unavailable cluster one
        // warning line (its cause, no stack trace: an outage must not flood the log); only a
        // real fault is an error with its stack trace.
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            var cause = TransientFailure.Cause(exception)!;
            LogUnavailable(context.Request.Method, context.Request.Path, cause.GetType().Name, cause.Message.ReplaceLineEndings(" "));
        }
        else if (status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(exception, context.Request.Method, context.Request.Path);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (exception is ClientOrderIdConflictException { Fields.Count: > 0 } differs)
        {
            problem.Extensions["fields"] = differs.Fields;
        }
        else if (exception is InvalidOrderException invalidOrder)
        {
            // The shape of a validation problem: what to fix, per field.
            problem.Extensions["errors"] = invalidOrder.Errors;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }


    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private partial void LogUnhandled(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Method} {Path} refused with 503: {Cause}: {Detail}")]
    private partial void LogUnavailable(string method, string path, string cause, string detail);
}
