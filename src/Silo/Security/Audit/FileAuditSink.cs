using System.Text.Json;

namespace AriaPro.Silo.Security.Audit;

/// <summary>
/// Appends events as JSON lines and flushes after every batch, so a crash loses at most the batch
/// being written. The file is opened on the first batch, its folder created if missing.
/// </summary>
public sealed class FileAuditSink(string path) : IAuditSink, IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private FileStream? _file;

    /// <summary>The file's full path.</summary>
    public string FullPath { get; } = Path.GetFullPath(path);

    /// <inheritdoc/>
    public async Task WriteAsync(IReadOnlyList<AuditEvent> batch, CancellationToken cancellationToken)
    {
        _file ??= Open();
        using var buffer = new MemoryStream();
        foreach (var auditEvent in batch)
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                AuditJson.Write(writer, auditEvent);
            }

            buffer.Write(NewLine);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(_file, cancellationToken);
        await _file.FlushAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }

    private FileStream Open()
    {
        if (Path.GetDirectoryName(FullPath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Readers (tail, log shippers) may read while the silo appends.
        return new FileStream(FullPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }
}
