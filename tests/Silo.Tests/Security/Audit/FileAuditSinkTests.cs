using System.Text.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Security.Audit;
using AriaPro.Silo.Tests.Monitoring.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AriaPro.Silo.Tests.Security.Audit;

/// <summary>
/// Rotation of the audit file. Every event's line has the same length (<see cref="LineBytes"/>), so
/// a limit of <see cref="LinesPerFile"/> lines says exactly which event lands in which file.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FileAuditSinkTests : IDisposable
{
    private const int Keep = 3;
    private const int LinesPerFile = 4;

    private static readonly int LineBytes = Line(Event(0)).Length;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aria-audit-{Guid.NewGuid():N}");

    private string Current => Path.Combine(_folder, "audit.jsonl");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task WriteAsync_PastKeepBound_LeavesKeepRotatedFilesAndTheNewestLinesInTheCurrentOne()
    {
        await using (var sink = Sink())
        {
            await WriteAsync(sink, 0, LinesPerFile * (Keep + 3), batchSize: 3);
        }

        Assert.Equal(["audit.1.jsonl", "audit.2.jsonl", "audit.3.jsonl", "audit.jsonl"], FileNames());
        Assert.Equal(Range(20, 24), Outcomes(Current));
        Assert.Equal(Range(16, 20), Outcomes(Rotated(1)));
        Assert.Equal(Range(12, 16), Outcomes(Rotated(2)));
        Assert.Equal(Range(8, 12), Outcomes(Rotated(3)));
    }

    [Fact]
    public async Task WriteAsync_OneRotationPastKeepBound_DeletesTheOldestFile()
    {
        await using var sink = Sink();
        await WriteAsync(sink, 0, LinesPerFile * (Keep + 1), batchSize: LinesPerFile);
        Assert.Equal(Range(0, 4), Outcomes(Rotated(Keep)));

        await WriteAsync(sink, LinesPerFile * (Keep + 1), 1, batchSize: 1);

        Assert.Equal(["audit.1.jsonl", "audit.2.jsonl", "audit.3.jsonl", "audit.jsonl"], FileNames());
        Assert.Equal(Range(4, 8), Outcomes(Rotated(Keep)));
        Assert.Equal(Range(12, 16), Outcomes(Rotated(1)));
        Assert.Equal(Range(16, 17), Outcomes(Current));
    }

    [Fact]
    public async Task WriteAsync_BelowKeepBound_KeepsEveryLineWholeAndInOrder()
    {
        // Half a line of room is left in every file: a line that does not fit goes whole into the next.
        var maxBytes = (LinesPerFile * LineBytes) + (LineBytes / 2);
        var count = (LinesPerFile * (Keep + 1)) - 1;
        await using (var sink = Sink(maxBytes))
        {
            var next = 0;
            foreach (var size in new[] { 1, 2, 5, 7 })
            {
                await WriteAsync(sink, next, size, batchSize: size);
                next += size;
            }
        }

        string[] oldestFirst = [Rotated(3), Rotated(2), Rotated(1), Current];
        Assert.All(oldestFirst, path => Assert.InRange(new FileInfo(path).Length, 1, maxBytes));
        var outcomes = oldestFirst.SelectMany(Outcomes).ToList();
        Assert.Equal(count, outcomes.Count);
        Assert.Equal(Range(0, count), outcomes);
        Assert.Equal(Range(12, 15), Outcomes(Current));
    }

    [Fact]
    public async Task WriteAsync_ExistingFileOverLimit_RotatesItBeforeTheFirstLine()
    {
        Directory.CreateDirectory(_folder);
        var previous = Lines(100, LinesPerFile + 1);
        await File.WriteAllBytesAsync(Current, previous);
        await File.WriteAllTextAsync(Rotated(1), "{\"outcome\":\"older\"}\n");

        await using (var sink = Sink())
        {
            await WriteAsync(sink, 0, 1, batchSize: 1);
        }

        Assert.Equal(["audit.1.jsonl", "audit.2.jsonl", "audit.jsonl"], FileNames());
        Assert.Equal(previous, await File.ReadAllBytesAsync(Rotated(1)));
        Assert.Equal(["older"], Outcomes(Rotated(2)));
        Assert.Equal(Range(0, 1), Outcomes(Current));
    }

    [Fact]
    public async Task WriteAsync_ExistingFileUnderLimit_AppendsUntilTheLimitIsReached()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllBytesAsync(Current, Lines(100, 2));

        await using (var sink = Sink())
        {
            await WriteAsync(sink, 0, 3, batchSize: 3);
        }

        Assert.Equal([.. Range(100, 102), .. Range(0, 2)], Outcomes(Rotated(1)));
        Assert.Equal(LinesPerFile * LineBytes, new FileInfo(Rotated(1)).Length);
        Assert.Equal(Range(2, 3), Outcomes(Current));
    }

    [Fact]
    public async Task WriteAsync_RenameFails_LogsOnceAndKeepsWritingToTheCurrentFileUntilItWorksAgain()
    {
        using var logs = new ListLoggerProvider();
        using var factory = logs.CreateFactory();
        Directory.CreateDirectory(Rotated(1));
        await using var sink = Sink(logger: factory.CreateLogger<FileAuditSink>());

        await WriteAsync(sink, 0, LinesPerFile * 3, batchSize: 1);

        Assert.Equal(Range(0, 12), Outcomes(Current));
        var failure = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal(Current, failure["Path"]);

        Directory.Delete(Rotated(1));
        await WriteAsync(sink, 12, 1, batchSize: 1);

        Assert.Equal(Range(0, 12), Outcomes(Rotated(1)));
        Assert.Equal(Range(12, 13), Outcomes(Current));
        Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("rotates again", StringComparison.Ordinal));
    }

    private FileAuditSink Sink(long? maxBytes = null, ILogger<FileAuditSink>? logger = null) =>
        new(Current, maxBytes ?? LinesPerFile * LineBytes, Keep, logger ?? NullLogger<FileAuditSink>.Instance);

    private string Rotated(int number) => Path.Combine(_folder, $"audit.{number}.jsonl");

    private List<string> FileNames() => [.. Directory.GetFileSystemEntries(_folder).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    private static async Task WriteAsync(FileAuditSink sink, int first, int count, int batchSize)
    {
        foreach (var batch in Enumerable.Range(first, count).Chunk(batchSize))
        {
            await sink.WriteAsync([.. batch.Select(Event)], CancellationToken.None);
        }
    }

    /// <summary>The outcomes of every line, each of which must be a whole JSON object ending in a newline.</summary>
    private static List<string> Outcomes(string path)
    {
        var text = AuditFile.ReadText(path);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return [.. text[..^1].Split('\n').Select(line => (string)JsonNode.Parse(line)!.AsObject()["outcome"]!)];
    }

    private static List<string> Range(int from, int to) => [.. Enumerable.Range(from, to - from).Select(Outcome)];

    private static string Outcome(int number) => $"e{number:D4}";

    private static byte[] Lines(int first, int count) => [.. Enumerable.Range(first, count).SelectMany(i => Line(Event(i)))];

    private static byte[] Line(AuditEvent auditEvent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AuditJson.Write(writer, auditEvent);
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    private static AuditEvent Event(int number) => new(
        new DateTimeOffset(2026, 12, 7, 1, 2, 3, TimeSpan.Zero), AuditEventTypes.OrderSubmitted, "key1", "127.0.0.1", "POST", "/trading/orders",
        Outcome(number), new Dictionary<string, string> { ["symbol"] = "EURUSD" });
}
