using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Reads a dotnet-trace file and prints where the process allocated: bytes by type (from the
// runtime's allocation sampling, one event per ~100 KB), and for the large-object heap the code that
// allocated them. Collect with `dotnet dotnet-trace collect --profile gc-verbose -p PID`
// (bench/profile/profile.sh does it for the load generator and the soak).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: AriaPro.Profile TRACE.nettrace [--top N] [--code PREFIX,PREFIX...]");
    return 2;
}

var top = Option("--top") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 15;

// With --code, every sampled allocation is also charged to the nearest frame of its stack whose
// method starts with one of the prefixes (say AriaPro.,Orleans.): which of our methods allocate.
var prefixes = Option("--code")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
var byCode = new Dictionary<string, long>();
var etlx = TraceLog.CreateFromEventPipeDataFile(args[0]);
using var log = new TraceLog(etlx);
var byType = new Dictionary<string, long>();
var largeByType = new Dictionary<string, long>();
var largeByStack = new Dictionary<string, long>();
long total = 0, large = 0;
var source = log.Events.GetSource();
source.Clr.GCAllocationTick += tick =>
{
    var type = tick.TypeName ?? "?";
    total += tick.AllocationAmount64;
    Add(byType, type, tick.AllocationAmount64);
    if (prefixes.Length > 0)
    {
        Add(byCode, NearestFrame(tick, prefixes), tick.AllocationAmount64);
    }

    if (tick.AllocationKind == GCAllocationKind.Large)
    {
        large += tick.AllocationAmount64;
        Add(largeByType, type, tick.AllocationAmount64);
        Add(largeByStack, $"{type}\n{Stack(tick)}", tick.AllocationAmount64);
    }
};
source.Process();

Console.WriteLine($"sampled allocations: {Mb(total)} MB, of which large-object heap {Mb(large)} MB ({log.SessionDuration.TotalSeconds:F0} s traced)");
Print("by type", byType, total);
Print("large-object heap by type", largeByType, large);
Print("large-object heap by allocating code", largeByStack, large);
if (prefixes.Length > 0)
{
    Print($"by the nearest frame starting with {string.Join(" or ", prefixes)}", byCode, total);
}

return 0;

string? Option(string name) => Array.IndexOf(args, name) is var at and >= 1 && at + 1 < args.Length ? args[at + 1] : null;

static string NearestFrame(TraceEvent tick, string[] prefixes)
{
    for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
    {
        var name = frame.CodeAddress.FullMethodName;
        if (!string.IsNullOrEmpty(name) && prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            return name.Length > 140 ? name[..140] : name;
        }
    }

    return "(none of them on the stack)";
}

static void Add(Dictionary<string, long> sums, string key, long bytes) =>
    sums[key] = sums.GetValueOrDefault(key) + bytes;

static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

void Print(string title, Dictionary<string, long> sums, long total)
{
    Console.WriteLine($"\n{title}:");
    foreach (var (key, bytes) in sums.OrderByDescending(s => s.Value).Take(top))
    {
        Console.WriteLine($"{bytes * 100.0 / Math.Max(total, 1),5:F1}%  {Mb(bytes),7} MB  {key.Replace("\n", "\n                        ", StringComparison.Ordinal)}");
    }
}

// The first frames of the allocating stack that are not the runtime's own allocation helpers.
static string Stack(TraceEvent tick)
{
    var frames = new List<string>();
    for (var frame = tick.CallStack(); frame is not null && frames.Count < 8; frame = frame.Caller)
    {
        var name = frame.CodeAddress.FullMethodName;
        if (!string.IsNullOrEmpty(name))
        {
            frames.Add(name.Length > 140 ? name[..140] : name);
        }
    }

    return frames.Count == 0 ? "(no stack)" : string.Join("\n", frames);
}
