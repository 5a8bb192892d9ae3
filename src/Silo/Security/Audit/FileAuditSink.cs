using System.Buffers;
using System.Text.Json;

namespace AriaPro.Silo.Security.Audit;

/// <summary>
/// Appends events as JSON lines and flushes after every batch, so a crash loses at most the batch
/// being written. The file is opened on the first batch, its folder created if missing, and rotated
/// by size so that the trail keeps at most <see cref="Keep"/> + 1 files.
/// </summary>
/// <remarks>
/// <para>
/// Before a line would take the current file past <see cref="MaxBytes"/>, the file is closed, the
/// rotated files shifted up by one from the oldest down (<c>audit.2.jsonl</c> to <c>audit.3.jsonl</c>,
/// the one numbered <see cref="Keep"/> deleted), the file renamed <c>audit.1.jsonl</c> and a new one
/// opened. A line is never split, so a rotated file is at most <see cref="MaxBytes"/> unless a single
/// line is larger. A file already too large when the silo starts is rotated before the first line.
/// </para>
/// <para>
/// Numbered names rather than timestamped ones: the files on disk always have the same names, so
/// the oldest is found without listing the folder or reading a clock, two rotations within one
/// second cannot collide, and it is logrotate's layout, which log shippers already follow. Its cost,
/// up to <see cref="Keep"/> renames, is paid once per <see cref="MaxBytes"/> written.
/// </para>
/// <para>
/// Not thread-safe: <see cref="AuditLog"/>'s single background writer is the only caller, so batches
/// (and the rotations within them) never overlap; for the same reason two processes must not share
/// one path. A failed delete or rename is logged once, the lines go on into the current file, and
/// rotation is tried again when that file has grown by another <see cref="MaxBytes"/>. No move
/// overwrites its target, so a failure midway loses no file.
/// </para>
/// </remarks>
public sealed partial class FileAuditSink : IAuditSink, IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly ILogger<FileAuditSink> _logger;
    private FileStream? _file;
    private long _length;
    private long _rotateAt;
    private bool _rotationFailing;

    /// <summary>A sink appending to <paramref name="path"/>, rotated past <paramref name="maxBytes"/>, keeping <paramref name="keep"/> rotated files.</summary>
    public FileAuditSink(string path, long maxBytes, int keep, ILogger<FileAuditSink> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        ArgumentNullException.ThrowIfNull(logger);
        FullPath = Path.GetFullPath(path);
        MaxBytes = maxBytes;
        Keep = keep;
        _logger = logger;
        _rotateAt = maxBytes;
    }

    /// <summary>The current file's full path.</summary>
    public string FullPath { get; }

    /// <summary>Size in bytes past which the current file is rotated.</summary>
    public long MaxBytes { get; }

    /// <summary>Rotated files kept besides the current one.</summary>
    public int Keep { get; }

    /// <summary>The rotated file numbered <paramref name="number"/> (1 the newest): <c>logs/audit.3.jsonl</c> for <c>logs/audit.jsonl</c>.</summary>
    public string RotatedPath(int number) =>
        Path.Combine(Path.GetDirectoryName(FullPath) ?? "", $"{Path.GetFileNameWithoutExtension(FullPath)}.{number}{Path.GetExtension(FullPath)}");

    /// <inheritdoc/>
    public async Task WriteAsync(IReadOnlyList<AuditEvent> batch, CancellationToken cancellationToken)
    {
        var file = _file ??= Open();
        var line = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(line);
        foreach (var auditEvent in batch)
        {
            line.ResetWrittenCount();
            writer.Reset();
            AuditJson.Write(writer, auditEvent);
            writer.Flush();
            line.Write(NewLine);

            if (_length > 0 && _length + line.WrittenCount > _rotateAt)
            {
                file = await RotateAsync(file);
            }

            await file.WriteAsync(line.WrittenMemory, cancellationToken);
            _length += line.WrittenCount;
        }

        await file.FlushAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }

    private async Task<FileStream> RotateAsync(FileStream current)
    {
        _file = null;
        await current.DisposeAsync();
        var rotated = TryShift();
        var file = _file = Open();
        _rotateAt = rotated ? MaxBytes : _length + MaxBytes;
        return file;
    }

    private bool TryShift()
    {
        try
        {
            File.Delete(RotatedPath(Keep));
            for (var number = Keep - 1; number >= 1; number--)
            {
                if (File.Exists(RotatedPath(number)))
                {
                    File.Move(RotatedPath(number), RotatedPath(number + 1), overwrite: false);
                }
            }

            File.Move(FullPath, RotatedPath(1), overwrite: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (!_rotationFailing)
            {
                _rotationFailing = true;
                LogRotationFailed(exception, FullPath, MaxBytes);
            }

            return false;
        }

        if (_rotationFailing)
        {
            _rotationFailing = false;
            LogRotationResumed(FullPath);
        }

        return true;
    }

    private FileStream Open()
    {
        if (Path.GetDirectoryName(FullPath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Readers (tail, log shippers) may read while the silo appends.
        var file = new FileStream(FullPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _length = file.Length;
        return file;
    }
}
