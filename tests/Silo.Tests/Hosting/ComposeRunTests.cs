using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Cluster;
using YamlDotNet.RepresentationModel;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>
/// deploy/docker-compose.yml checked by the tool made for it and then run: Debian's docker-compose
/// validates it against the compose specification's schema shipped in that package and resolves it
/// (production.env merged in, the operator's variables interpolated); Redis and both silos then
/// start as processes on this machine with exactly the resolved command and environment. Only what
/// a container gives differs: host names become 127.0.0.1, each process gets free ports (they share
/// one host), the certificate mounts point at certificates made by deploy/cluster-certs.sh, and each
/// silo runs in a folder of its own as the image's /app.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ComposeRunTests : IDisposable
{
    private const string CertificatePassword = "compose-test-pw";
    private const string ContainerCertificates = "/etc/ariapro/tls/";

    private readonly string _work = Directory.CreateTempSubdirectory("aria-compose-").FullName;
    private readonly string _redisPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    private readonly string _masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Config_TheComposeSpecValidator_AcceptsTheFile_AndRejectsAMisspelledKey()
    {
        var (code, output) = await ComposeAsync(Repository.PathOf("deploy", "docker-compose.yml"));
        Assert.True(code == 0, $"docker-compose config refused deploy/docker-compose.yml:\n{output}");

        var broken = Path.Combine(_work, "broken.yml");
        File.WriteAllText(broken, "services:\n  silo1:\n    image: ariapro\n    enviroment:\n      ARIA_REDIS: redis:6379\n");
        var refused = await ComposeAsync(broken);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("enviroment", refused.Output);
    }

    [Fact]
    public async Task Run_RedisAndBothSilos_StartWithExactlyTheirResolvedEnvironment_AndFormOneCluster()
    {
        var (code, output) = await ComposeAsync(Repository.PathOf("deploy", "docker-compose.yml"));
        Assert.True(code == 0, output);
        var services = (YamlMappingNode)Resolved(output)["services"];
        var made = await ChildProcess.RunAsync("bash", [Repository.PathOf("deploy", "cluster-certs.sh"), Path.Combine(_work, "certs")],
            new Dictionary<string, string> { ["ARIA_CLUSTER_TLS_CERT_PASSWORD"] = CertificatePassword });
        Assert.True(made.ExitCode == 0, made.Output);

        var redisPort = LoopbackPorts.Free();
        using var redis = StartRedis((YamlSequenceNode)services["redis"]["command"], redisPort);
        var ports = new List<int>();
        var silos = new List<SiloProcess>();
        try
        {
            foreach (var name in new[] { "silo1", "silo2" })
            {
                var environment = ((YamlMappingNode)services[name]["environment"]).Children
                    .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "", StringComparer.Ordinal);
                var http = LoopbackPorts.Free();
                ports.Add(http);
                var folder = Directory.CreateDirectory(Path.Combine(_work, name)).FullName;
                silos.Add(SiloProcess.Start(OnThisHost(environment, name, redisPort, http), folder));
            }

            await Task.WhenAll(silos.Select(s => s.WaitForOutputAsync("AriaPro started", TimeSpan.FromSeconds(120))));
            foreach (var port in ports)
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
                using var ready = await client.GetAsync("/health/ready");
                Assert.True(ready.StatusCode == HttpStatusCode.OK, $"silo on {port}: /health/ready {ready.StatusCode}\n{string.Join("\n", silos.Select(s => s.Output))}");
            }

            // One token from the first silo works on the second (one cluster, one key store), and the
            // second sees both silos active.
            using var second = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[1]}"), Timeout = TimeSpan.FromSeconds(30) };
            using var first = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}"), Timeout = TimeSpan.FromSeconds(30) };
            second.DefaultRequestHeaders.Authorization = new("Bearer", await TestAuth.TokenAsync(first, TestAuth.AdminKey));
            JsonNode? status = null;
            var both = await Poll.UntilAsync(async () =>
            {
                status = await second.GetFromJsonAsync<JsonNode>("/monitoring/system/status");
                return Find(status, "activeSilos")?.GetValue<int>() == 2;
            }, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
            Assert.True(both, $"the second silo's status: {status}");
            Assert.True(File.Exists(Path.Combine(_work, "silo1", "logs", "audit.jsonl")), "ARIA_AUDIT_LOG=logs/audit.jsonl is not under the silo's folder");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    // What a container gives and one host cannot: the names, the ports, the mounts.
    private Dictionary<string, string> OnThisHost(Dictionary<string, string> environment, string name, int redisPort, int http)
    {
        Assert.Equal("http://0.0.0.0:8080", environment["ARIA_HTTP_URLS"]);
        Assert.Equal(name, environment["ARIA_SILO_ADDRESS"]);
        Assert.StartsWith("redis:6379,", environment["ARIA_REDIS"], StringComparison.Ordinal);
        environment["ARIA_HTTP_URLS"] = $"http://127.0.0.1:{http}";
        environment["ARIA_SILO_ADDRESS"] = "127.0.0.1";
        environment["ARIA_SILO_PORT"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture);
        environment["ARIA_GATEWAY_PORT"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture);
        environment["ARIA_REDIS"] = environment["ARIA_REDIS"].Replace("redis:6379", $"127.0.0.1:{redisPort}", StringComparison.Ordinal);
        foreach (var variable in new[] { "ARIA_CLUSTER_TLS_CERT", "ARIA_CLUSTER_TLS_CA" })
        {
            Assert.StartsWith(ContainerCertificates, environment[variable], StringComparison.Ordinal);
            environment[variable] = Path.Combine(_work, "certs", environment[variable][ContainerCertificates.Length..]);
        }

        return environment;
    }

    // The compose file's own redis command, on a free loopback port with its files in the test's folder.
    private RedisProcess StartRedis(YamlSequenceNode command, int port)
    {
        var words = command.Select(n => ((YamlScalarNode)n).Value!).ToList();
        Assert.Equal("redis-server", words[0]);
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _work };
        foreach (var word in words.Skip(1).Concat(["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _work]))
        {
            start.ArgumentList.Add(word);
        }

        var redis = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _ = redis.StandardOutput.ReadToEndAsync();
        _ = redis.StandardError.ReadToEndAsync();
        return new RedisProcess(redis);
    }

    private sealed class RedisProcess(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }

    private Task<(int ExitCode, string Output)> ComposeAsync(string file) =>
        ChildProcess.RunAsync("docker-compose", ["-f", file, "config"], new Dictionary<string, string>
        {
            ["ARIA_REDIS_PASSWORD"] = _redisPassword,
            ["ARIA_MASTER_KEY"] = _masterKey,
            ["ARIA_CLUSTER_TLS_CERT_PASSWORD"] = CertificatePassword,
            ["ARIA_ADMIN_API_KEY"] = TestAuth.AdminKey,
        });

    private static YamlMappingNode Resolved(string output)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(output));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static JsonNode? Find(JsonNode? node, string name) => node switch
    {
        JsonObject o when o.TryGetPropertyValue(name, out var value) => value,
        JsonObject o => o.Select(p => Find(p.Value, name)).FirstOrDefault(v => v is not null),
        JsonArray a => a.Select(v => Find(v, name)).FirstOrDefault(v => v is not null),
        _ => null,
    };
}
