namespace AriaPro.Silo.Security.Audit;

public sealed partial class FileAuditSink
{
    [LoggerMessage(EventId = 9003, Level = LogLevel.Error,
        Message = "Rotating the audit file {Path} failed; entries go on into it and rotation is tried again after each further {MaxBytes} bytes (logged once until a rotation succeeds)")]
    private partial void LogRotationFailed(Exception exception, string path, long maxBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "The audit file {Path} rotates again")]
    private partial void LogRotationResumed(string path);
}
