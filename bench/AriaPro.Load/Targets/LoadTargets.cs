using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AriaPro.Client;
using AriaPro.Load.Operations;
using AriaPro.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AriaPro.Load.Targets;

/// <summary>
/// What a run offers load to: the silo (embedded in this process, started as processes against a
/// Redis, or already running), the Orleans client and HTTP clients reaching it, and the platform
/// baselines of the same run (the bare endpoint, the Redis connection).
/// </summary>
public sealed class LoadTargets : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<IDisposable> _disposables = [];

    private LoadTargets()
    {
    }

    /// <summary>Every operation the target supports, baselines included.</summary>
    public List<LoadOperation> Operations { get; } = [];

    /// <summary>How the silo was reached, for the report.</summary>
    public string Description { get; private set; } = string.Empty;

    public static async Task<LoadTargets> StartAsync(LoadOptions options, IReadOnlyList<string> symbols, string runId, TextWriter progress)
    {
        var targets = new LoadTargets();
        try
        {
            await targets.InitializeAsync(options, symbols, runId, progress);
            return targets;
        }
        catch
        {
            await targets.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(LoadOptions options, IReadOnlyList<string> symbols, string runId, TextWriter progress)
    {
        List<Uri> urls = [.. options.Urls];
        int? gateway = options.GatewayPort;
        var clusterId = options.ClusterId;
        var apiKey = options.ApiKey ?? SiloEnvironment.AdminKey;
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        if (options.IsEmbedded)
        {
            await progress.WriteLineAsync($"starting an embedded silo in this process ({symbols.Count} symbols; its log goes to {options.SiloLog})");
            var silo = await EmbeddedSilo.StartAsync(symbols, redis: null, masterKey: null);
            _owned.Add(silo);
            urls.Add(silo.HttpAddress);
            gateway = silo.GatewayPort;
            Operations.AddRange(InProcessOperations.Create(silo.Services, symbols));
            var storage = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ARIA_LOAD_DATA_DIR")) ? "in-memory storage" : "durable SQLite storage (ARIA_LOAD_DATA_DIR)";
            Description = $"embedded: one silo in the generator's process (localhost clustering, {storage}, paper broker 0 ms, 0 rejects)";
        }
        else if (options.StartSilos > 0)
        {
            var masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            clusterId = $"load-{runId}";
            for (var i = 0; i < options.StartSilos; i++)
            {
                var environment = SiloEnvironment.For(symbols, LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free(), autoTrade: false, options.Redis, masterKey, clusterId);
                var log = options.StartSilos == 1 ? options.SiloLog : Path.ChangeExtension(options.SiloLog, $"{i + 1}.log");
                await progress.WriteLineAsync($"starting silo process {i + 1} of {options.StartSilos} against Redis {options.Redis} (log: {log})");
                var silo = SiloProcess.Start(environment, log);
                _owned.Add(silo);
                await silo.WaitReadyAsync(probe);
                urls.Add(silo.HttpAddress);
            }

            Description = $"cluster: {options.StartSilos} silo processes started by the generator, Redis clustering and storage at {options.Redis}, cluster id {clusterId}";
        }
        else
        {
            Description = $"external: {string.Join(", ", urls)}{(gateway is null ? string.Empty : $", gateway 127.0.0.1:{gateway}")}{(options.Redis is null ? string.Empty : $", Redis {options.Redis}")}";
        }

        if (options.RunsOrleans)
        {
            var host = Host.CreateDefaultBuilder()
                .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .ConfigureServices(s => s.AddAriaProClient(o =>
                {
                    o.Redis = options.Redis;
                    o.ClusterId = clusterId;
                    o.ServiceId = options.StartSilos > 0 ? clusterId : options.ServiceId;
                    o.GatewayPort = gateway ?? AriaProClientOptions.DefaultGatewayPort;
                    o.MaxConnectAttempts = 10;
                    o.ApiKey = apiKey;
                }))
                .Build();
            _disposables.Add(host);
            await host.StartAsync();
            Operations.AddRange(await OrleansOperations.CreateAsync(host.Services.GetRequiredService<IClusterClient>(), symbols, runId));
        }

        if (options.RunsHttp && urls.Count > 0)
        {
            var clients = new List<HttpClient>();
            foreach (var url in urls)
            {
                var token = await TokenAsync(probe, url, apiKey);
                var client = HttpOperations.Client(url, token, options.Concurrency);
                _disposables.Add(client);
                clients.Add(client);
            }

            Operations.AddRange(HttpOperations.Create(clients, symbols, runId));
            var bare = await BareEndpoint.StartAsync();
            _owned.Add(bare);
            var bareClient = HttpOperations.Client(bare.Address, token: null, options.Concurrency);
            _disposables.Add(bareClient);
            Operations.Add(bare.Operation(bareClient));
        }

        if (options.Redis is not null)
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(options.Redis);
            _disposables.Add(redis);
            Operations.Add(RedisPing.Operation(redis));
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, Uri silo, string apiKey)
    {
        using var response = await http.PostAsJsonAsync(new Uri(silo, "/auth/token"), new { apiKey });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {silo}auth/token answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body?["token"]?.GetValue<string>() ?? throw new InvalidOperationException($"POST {silo}auth/token answered without a token");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            if (disposable is IHost host)
            {
                await host.StopAsync();
            }

            disposable.Dispose();
        }

        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }
}
