using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AriaPro.Benchmarks;

/// <summary>
/// Latency of grain calls made by an Orleans client over TCP to a silo in the same process: the
/// platform baseline (a no-op stateless grain call), IRiskGrain's pre-trade check and metrics, and
/// a whole order submit, whose risk check is the part the risk budget added to the order path.
/// Usage: dotnet run -c Release --project bench/AriaPro.Benchmarks -- latency [calls]
/// </summary>
internal static class GrainLatency
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var (siloPort, gatewayPort) = (LoopbackPorts.Free(), LoopbackPorts.Free());
        using var silo = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(s =>
            {
                s.UseLocalhostClustering(siloPort, gatewayPort);
                s.AddInProcessGrainStorage(AriaStorage.Name);
                s.AddInProcessGrainStorage(AriaStorage.Orders);
                s.Services.AddAriaProTrading(new TradingConfiguration
                {
                    Trader = new() { PositionLimits = new(StringComparer.OrdinalIgnoreCase) { ["EURUSD"] = 1_000_000m, ["GBPUSD"] = 1m, ["USDJPY"] = 1m } },
                    PaperBroker = new() { Latency = TimeSpan.Zero },
                    AutoTrader = new() { Enabled = false },
                    Risk = new() { AccountCapital = 1_000_000_000_000m },
                    ModelHealth = new() { ModelsDirectory = ShippedModels() },
                });
            })
            .Build();
        await silo.StartAsync();
        using var client = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(c => c.UseLocalhostClustering(gatewayPort))
            .Build();
        await client.StartAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var desk = grains.GetGrain<ITradingDeskGrain>(0);
        var risk = grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio);
        var check = new RiskCheck("EURUSD", 0m, 1m, 1.085m);
        var bars = await grains.GetGrain<IMarketDataGrain>("EURUSD").GetBars(200);
        var onnx = grains.GetGrain<IModelGrain>("eurusd-direction");
        var warmup = Math.Max(1_000, count / 10);

        var results = new List<LatencyResult>
        {
            await LatencyRecorder.MeasureAsync("no-op grain call (baseline: ITradingDeskGrain.GetSymbols)", _ => desk.GetSymbols(), warmup, count),
            await LatencyRecorder.MeasureAsync("IRiskGrain.CheckOrder (the pre-trade budget)", _ => risk.CheckOrder(check), warmup, count),
            await LatencyRecorder.MeasureAsync("IRiskGrain.GetMetrics (3 symbols, 0 returns)", _ => risk.GetMetrics(), warmup, count),
            await LatencyRecorder.MeasureAsync("IModelGrain.Infer, shipped ONNX model (200 bars)", _ => onnx.Infer("EURUSD", bars), warmup, count),
            await LatencyRecorder.MeasureAsync("order submit through IOrderGrain (0.01 lot, market)",
                i => grains.GetGrain<IOrderGrain>($"bench-{i}").Submit(new($"bench-{i}", "EURUSD", OrderSide.Buy, 0.01m, OrderType.Market)),
                warmup, count),
        };

        Console.WriteLine($"Grain call latency through an Orleans client over loopback TCP, {count} calls each, microseconds:");
        Console.WriteLine("| call | calls | p50 | p90 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        results.ForEach(Console.WriteLine);
        await client.StopAsync();
        await silo.StopAsync();
        return 0;
    }

    private static string ShippedModels()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AriaPro.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? ".", "models");
    }

}
