using AriaPro.Benchmarks;
using BenchmarkDotNet.Running;

// `latency` measures grain calls through a real Orleans client, `alert-latency` an instrument
// update to its alert on a whole silo, `storage-writes` grain-state writes into the embedded stores,
// `replay` aria-replay's speed on synthetic minute bars;
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "latency")
{
    return await GrainLatency.RunAsync(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "storage-writes")
{
    return await StorageWrites.RunAsync(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "replay")
{
    return await ReplaySpeed.RunAsync(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "alert-latency")
{
    return await AlertLatency.RunAsync(args.Skip(1).ToArray());
}

BenchmarkSwitcher.FromAssembly(typeof(GrainLatency).Assembly).Run(args);
return 0;
