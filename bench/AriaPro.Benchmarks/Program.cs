using AriaPro.Benchmarks;
using BenchmarkDotNet.Running;

// `latency` measures grain calls through a real Orleans client; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "latency")
{
    return await GrainLatency.RunAsync(args.Skip(1).ToArray());
}

BenchmarkSwitcher.FromAssembly(typeof(GrainLatency).Assembly).Run(args);
return 0;
