using System.Diagnostics;
using System.Globalization;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using StackExchange.Redis;

namespace AriaPro.Benchmarks;

/// <summary>
/// Grain-state writes straight into the embedded stores, as the order path makes them: W writers,
/// each awaiting its own grain's writes one after another (a grain writes once at a time), an
/// archived order's record per write. The stores: memory; SQLite with group commit (the durable
/// store); SQLite committing every write alone (one fsync per write, the design of a provider
/// without group commit such as Orleans' ADO.NET storage); and, given a Redis, Orleans' own Redis
/// grain storage (the cluster mode's store; run that Redis with <c>--appendonly yes --appendfsync always</c>
/// to compare like with like). Run:
/// <c>dotnet run -c Release --project bench/AriaPro.Benchmarks -- storage-writes [writes-per-writer] [folder] [redis host:port]</c>.
/// </summary>
public static class StorageWrites
{
    private static readonly int[] Writers = [1, 16, 64];

    public static async Task<int> RunAsync(string[] args)
    {
        var perWriter = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var root = args.Length > 1 ? args[1] : Path.GetTempPath();
        var redis = args.Length > 2 ? args[2] : null;
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        Console.WriteLine($"{perWriter} writes per writer; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| store | writers | writes/s | µs per write (wall / writes) | commits | writes per commit |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var writers in Writers)
        {
            await MeasureAsync("memory", writers, perWriter, new InProcessGrainStorage(serializer), null);
            foreach (var (name, maxBatch) in new[] { ("SQLite, group commit", 1024), ("SQLite, a commit per write", 1) })
            {
                var folder = Directory.CreateDirectory(Path.Combine(root, $"aria-storage-{Guid.NewGuid():N}")).FullName;
                await using var sqlite = new SqliteGrainStorage(serializer, new SqliteStorageOptions(Path.Combine(folder, "bench.db")) { MaxBatch = maxBatch }, NullLogger<SqliteGrainStorage>.Instance);
                await MeasureAsync(name, writers, perWriter, sqlite, sqlite);
                Directory.Delete(folder, recursive: true);
            }

            if (redis is not null)
            {
                await MeasureAsync("Redis (Orleans' RedisGrainStorage)", writers, perWriter, await RedisStorageAsync(redis, serializer, services), null);
            }
        }

        return 0;
    }

    // Orleans' Redis grain storage outside a silo: its connection opens in its lifecycle stage, run here by hand.
    private static async Task<IGrainStorage> RedisStorageAsync(string redis, IGrainStorageSerializer serializer, IServiceProvider services)
    {
        var options = new RedisStorageOptions { ConfigurationOptions = ConfigurationOptions.Parse(redis), GrainStorageSerializer = serializer };
        var storage = new RedisGrainStorage("bench", options, serializer, Options.Create(new ClusterOptions { ServiceId = $"bench-{Guid.NewGuid():N}" }),
            services.GetRequiredService<IActivatorProvider>(), NullLogger<RedisGrainStorage>.Instance);
        var lifecycle = new StartOnlyLifecycle();
        storage.Participate(lifecycle);
        await lifecycle.StartAsync();
        return storage;
    }

    private sealed class StartOnlyLifecycle : ISiloLifecycle
    {
        private readonly List<ILifecycleObserver> _observers = [];

        public int HighestCompletedStage => 0;

        public int LowestStoppedStage => 0;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            _observers.Add(observer);
            return new Nothing();
        }

        public async Task StartAsync()
        {
            foreach (var observer in _observers)
            {
                await observer.OnStart(CancellationToken.None);
            }
        }

        private sealed class Nothing : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }

    private static async Task MeasureAsync(string name, int writers, int perWriter, IGrainStorage storage, SqliteGrainStorage? sqlite)
    {
        // Untimed first: the JIT, the connection, the schema.
        await WriteAsync(storage, writers, Math.Max(1, perWriter / 10), "warm");
        var commitsBefore = sqlite?.Commits ?? 0;
        var clock = Stopwatch.StartNew();
        await WriteAsync(storage, writers, perWriter, "bench");
        clock.Stop();
        var writes = writers * perWriter;
        var commits = sqlite is null ? "-" : (sqlite.Commits - commitsBefore).ToString("N0", CultureInfo.InvariantCulture);
        var perCommit = sqlite is null ? "-" : (writes / (double)(sqlite.Commits - commitsBefore)).ToString("0.0", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {writers} | {writes / clock.Elapsed.TotalSeconds:N0} | {clock.Elapsed.TotalMicroseconds / writes:N1} | {commits} | {perCommit} |"));
    }

    private static Task WriteAsync(IGrainStorage storage, int writers, int perWriter, string prefix) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var grain = GrainId.Create("order", $"{prefix}-{w}");
            var state = new GrainState<OrderRoute> { State = Record(w) };
            for (var i = 0; i < perWriter; i++)
            {
                await storage.WriteStateAsync("order", grain, state);
            }
        })));

    private static OrderRoute Record(int writer) => new()
    {
        Symbol = "EURUSD",
        Delivered = true,
        Archived = new OrderView($"bench-{writer}", "EURUSD", OrderSide.Buy, OrderType.Market, 0.01m, null, 0.01m, 1.08432m,
            OrderStatus.Filled, null, "api", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, false),
    };
}
