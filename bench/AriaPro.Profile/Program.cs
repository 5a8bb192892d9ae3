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
    Console.Error.WriteLine("usage: AriaPro.Profile TRACE.nettrace [--top N]");
    return 2;
}

var top = args.Length > 2 && args[1] == "--top" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
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
return 0;

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
