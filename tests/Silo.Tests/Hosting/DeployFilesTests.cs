using System.Text.RegularExpressions;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Hosting;
using YamlDotNet.RepresentationModel;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>
/// What can be checked of the deployment files without Docker or a cluster: they parse, they set
/// only variables the silo reads, their health checks point at the silo's health endpoints, and
/// the console's proxy forwards to the compose file's silos, WebSocket upgrades included.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class DeployFilesTests
{
    [Fact]
    public void Compose_Parses_RedisAndTwoSilos_WithKnownVariablesAndHealthChecks()
    {
        var services = ComposeServices();

        var names = services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        Assert.Equal(["redis", "silo1", "silo2", "console"], names);
        Assert.Equal(["silo1", "silo2"], SiloServices(services));
        foreach (var silo in SiloServices(services))
        {
            var service = (YamlMappingNode)services[silo];
            var environment = (YamlMappingNode)service["environment"];
            Assert.All(environment.Children.Keys, k => Assert.Contains(((YamlScalarNode)k).Value!, AriaVariables.All));
            Assert.Equal("production.env", ((YamlScalarNode)service["env_file"]).Value);
            var probe = string.Join(' ', ((YamlSequenceNode)service["healthcheck"]["test"]).Select(n => ((YamlScalarNode)n).Value));
            Assert.Equal("CMD dotnet AriaPro.Silo.dll probe http://127.0.0.1:8080/health/ready", probe);
        }
    }

    [Fact]
    public void Compose_Console_ProxiesEverySiloAndTheWebSocketUpgrade()
    {
        var services = ComposeServices();
        var console = (YamlMappingNode)services["console"];
        var silos = SiloServices(services);

        var mount = Assert.Single((YamlSequenceNode)console["volumes"], v => ((YamlScalarNode)v).Value!.StartsWith("./console/nginx.conf:", StringComparison.Ordinal));
        Assert.Equal("./console/nginx.conf:/etc/nginx/conf.d/default.conf:ro", ((YamlScalarNode)mount).Value);
        Assert.Single((YamlSequenceNode)console["ports"]);
        Assert.Equal(silos, ((YamlMappingNode)console["depends_on"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        var config = File.ReadAllText(Repository.PathOf("deploy", "console", "nginx.conf"));
        var upstream = Block(config, "upstream ariapro_silos");
        var servers = UpstreamServer().Matches(upstream).Select(m => (Host: m.Groups["host"].Value, Port: m.Groups["port"].Value)).ToList();
        Assert.Equal(silos, servers.Select(s => s.Host));
        foreach (var (host, port) in servers)
        {
            var urls = Scalar(services[host]["environment"], AriaVariables.HttpUrls)!;
            Assert.EndsWith($":{port}", urls, StringComparison.Ordinal);
        }

        var ws = Block(config, "location /ws");
        Assert.Contains("proxy_pass http://ariapro_silos;", ws, StringComparison.Ordinal);
        Assert.Contains("proxy_http_version 1.1;", ws, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", ws, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Connection $connection_upgrade;", ws, StringComparison.Ordinal);
        Assert.Matches(@"map \$http_upgrade \$connection_upgrade \{\s*default upgrade;", config);
        Assert.Contains("proxy_pass http://ariapro_silos;", Block(config, "location /"), StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_Parses_WithKnownVariablesAndBothProbes()
    {
        var documents = Load(Repository.PathOf("deploy", "k8s", "ariapro.yaml"));

        var silo = Assert.Single(documents, d => Scalar(d, "kind") == "Deployment" && Scalar(d["metadata"], "name") == "ariapro-silo");
        var container = (YamlMappingNode)((YamlSequenceNode)silo["spec"]["template"]["spec"]["containers"])[0];
        var env = ((YamlSequenceNode)container["env"]).ToDictionary(e => Scalar(e, "name")!, e => Scalar(e, "value"));
        // REDIS_PASSWORD only feeds ARIA_REDIS's $(REDIS_PASSWORD) from the secret.
        Assert.All(env.Keys, v => Assert.Contains(v, AriaVariables.All.Concat(HostingSection.PodVariables).Append("REDIS_PASSWORD")));
        Assert.Equal("1", env[AriaVariables.Kubernetes]);
        Assert.All(HostingSection.PodVariables, v => Assert.Contains(v, env.Keys));

        // Orleans' Kubernetes hosting: the pod labels and ids are AriaPro's own.
        var labels = (YamlMappingNode)silo["spec"]["template"]["metadata"]["labels"];
        Assert.Equal(env[AriaVariables.ServiceId], Scalar(labels, "orleans/serviceId"));
        Assert.Equal(env[AriaVariables.ClusterId], Scalar(labels, "orleans/clusterId"));
        Assert.Equal(env[AriaVariables.ServiceId], env["ORLEANS_SERVICE_ID"]);
        Assert.Equal(env[AriaVariables.ClusterId], env["ORLEANS_CLUSTER_ID"]);
        Assert.Equal("ariapro-silo", Scalar(silo["spec"]["template"]["spec"], "serviceAccountName"));
        var role = Assert.Single(documents, d => Scalar(d, "kind") == "Role");
        Assert.Contains("pods", ((YamlSequenceNode)((YamlSequenceNode)role["rules"])[0]["resources"]).Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal("/health/ready", Scalar(container["readinessProbe"]["httpGet"], "path"));
        Assert.Equal("/health/live", Scalar(container["livenessProbe"]["httpGet"], "path"));
        Assert.Contains(documents, d => Scalar(d, "kind") == "Service");
    }

    [Fact]
    public void Compose_Silos_SpeakMutualTlsAndPublishOnlyHttpAndOneGatewayOnLoopback()
    {
        var services = ComposeServices();

        foreach (var silo in SiloServices(services))
        {
            var service = (YamlMappingNode)services[silo];
            var environment = service["environment"];
            Assert.Equal("/etc/ariapro/tls/silo.pfx", Scalar(environment, AriaVariables.ClusterTlsCertificate));
            Assert.Equal("/etc/ariapro/tls/ca.pem", Scalar(environment, AriaVariables.ClusterTlsAuthority));
            Assert.StartsWith("${ARIA_CLUSTER_TLS_CERT_PASSWORD:?", Scalar(environment, AriaVariables.ClusterTlsCertificatePassword));
            var mounts = ((YamlSequenceNode)service["volumes"]).Select(v => ((YamlScalarNode)v).Value!).ToList();
            Assert.Equal(["./certs/silo.pfx:/etc/ariapro/tls/silo.pfx:ro", "./certs/ca.pem:/etc/ariapro/tls/ca.pem:ro"], mounts);
            var published = ((YamlSequenceNode)service["ports"]).Select(p => ((YamlScalarNode)p).Value!).ToList();
            Assert.All(published, p => Assert.StartsWith("127.0.0.1:", p, StringComparison.Ordinal));
            Assert.DoesNotContain(published, p => p.EndsWith(":11111", StringComparison.Ordinal));
        }

        Assert.False(((YamlMappingNode)services["redis"]).Children.ContainsKey(new YamlScalarNode("ports")), "Redis stays on the compose network");
    }

    [Fact]
    public void Kubernetes_Silos_SpeakMutualTlsAndTheSiloPortAnswersOnlySilos()
    {
        var documents = Load(Repository.PathOf("deploy", "k8s", "ariapro.yaml"));
        var silo = Assert.Single(documents, d => Scalar(d, "kind") == "Deployment" && Scalar(d["metadata"], "name") == "ariapro-silo");
        var pod = silo["spec"]["template"]["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"])[0];
        var env = ((YamlSequenceNode)container["env"]).ToDictionary(e => Scalar(e, "name")!, e => e);

        Assert.Equal("/etc/ariapro/tls/silo.pfx", Scalar(env[AriaVariables.ClusterTlsCertificate], "value"));
        Assert.Equal("/etc/ariapro/tls/ca.pem", Scalar(env[AriaVariables.ClusterTlsAuthority], "value"));
        Assert.Equal("ariapro-cluster-tls", Scalar(env[AriaVariables.ClusterTlsCertificatePassword]["valueFrom"]["secretKeyRef"], "name"));
        var mount = Assert.Single((YamlSequenceNode)container["volumeMounts"]);
        Assert.Equal("/etc/ariapro/tls", Scalar(mount, "mountPath"));
        var volume = Assert.Single((YamlSequenceNode)pod["volumes"]);
        Assert.Equal("ariapro-cluster-tls", Scalar(volume["secret"], "secretName"));
        var policy = Assert.Single(documents, d => Scalar(d, "kind") == "NetworkPolicy" && Scalar(d["metadata"], "name") == "ariapro-silo");
        var rules = (YamlSequenceNode)policy["spec"]["ingress"];
        var siloPortRule = Assert.Single(rules, r => ((YamlSequenceNode)r["ports"]).Any(p => Scalar(p, "port") == "11111"));
        Assert.Equal("ariapro-silo", Scalar(((YamlSequenceNode)siloPortRule["from"])[0]["podSelector"]["matchLabels"], "app"));
        var service = Assert.Single(documents, d => Scalar(d, "kind") == "Service" && Scalar(d["metadata"], "name") == "ariapro");
        Assert.DoesNotContain((YamlSequenceNode)service["spec"]["ports"], p => Scalar(p, "port") == "11111");
    }

    [Fact]
    public void Redis_InBothFiles_FsyncsEveryWriteOnAVolumeBehindAPassword()
    {
        var compose = (YamlMappingNode)ComposeServices()["redis"];
        var composeArgs = ((YamlSequenceNode)compose["command"]).Select(n => ((YamlScalarNode)n).Value!).ToList();
        var documents = Load(Repository.PathOf("deploy", "k8s", "ariapro.yaml"));
        var deployment = Assert.Single(documents, d => Scalar(d, "kind") == "Deployment" && Scalar(d["metadata"], "name") == "ariapro-redis");
        var pod = deployment["spec"]["template"]["spec"];
        var container = ((YamlSequenceNode)pod["containers"])[0];
        var k8sArgs = ((YamlSequenceNode)container["args"]).Select(n => ((YamlScalarNode)n).Value!).ToList();

        foreach (var args in new[] { composeArgs, k8sArgs })
        {
            Assert.Equal("yes", args[args.IndexOf("--appendonly") + 1]);
            Assert.Equal("always", args[args.IndexOf("--appendfsync") + 1]);
            Assert.Equal("noeviction", args[args.IndexOf("--maxmemory-policy") + 1]);
            Assert.Contains("--requirepass", args);
        }

        Assert.Equal(["redis-data:/data"], ((YamlSequenceNode)compose["volumes"]).Select(v => ((YamlScalarNode)v).Value));
        Assert.Equal("/data", Scalar(((YamlSequenceNode)container["volumeMounts"])[0], "mountPath"));
        var claim = Scalar(((YamlSequenceNode)pod["volumes"])[0]["persistentVolumeClaim"], "claimName");
        Assert.Contains(documents, d => Scalar(d, "kind") == "PersistentVolumeClaim" && Scalar(d["metadata"], "name") == claim);
        foreach (var silo in SiloServices(ComposeServices()))
        {
            Assert.StartsWith("redis:6379,password=${ARIA_REDIS_PASSWORD", Scalar(ComposeServices()[silo]["environment"], AriaVariables.Redis));
        }
    }

    [Fact]
    public void Dockerfile_IsMultiStage_RunsAsAnUnprivilegedUser_AndChecksItsHealth()
    {
        var lines = File.ReadAllLines(Repository.PathOf("deploy", "Dockerfile")).Select(l => l.Trim()).ToList();

        Assert.True(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2, "a build stage and a runtime stage");
        var user = Assert.Single(lines, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"^USER\s+(root|0)\b", user);
        Assert.Single(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"\"{HealthProbe.Command}\", \"http://127.0.0.1:8080/health/live\"", StringComparison.Ordinal));
        foreach (Match variable in EnvLine().Matches(string.Join('\n', lines)))
        {
            Assert.Contains(variable.Groups["name"].Value, AriaVariables.All);
        }
    }

    private static YamlMappingNode ComposeServices() =>
        (YamlMappingNode)Load(Repository.PathOf("deploy", "docker-compose.yml"))[0]["services"];

    // The silos are the services built from the silo's image; the others (Redis, the console) set no AriaPro variables.
    private static List<string> SiloServices(YamlMappingNode services) =>
        [.. services.Children
            .Where(s => s.Value is YamlMappingNode service && service.Children.TryGetValue(new YamlScalarNode("build"), out var build)
                && Scalar(build, "dockerfile") == "deploy/Dockerfile")
            .Select(s => ((YamlScalarNode)s.Key).Value!)];

    // The body of the first nginx block whose header is exactly header (e.g. "location /ws"), braces balanced.
    private static string Block(string config, string header)
    {
        var match = Regex.Match(config, $@"^\s*{Regex.Escape(header)}\s*\{{", RegexOptions.Multiline);
        Assert.True(match.Success, $"nginx.conf has no block '{header} {{'");
        var depth = 1;
        var start = match.Index + match.Length;
        for (var i = start; i < config.Length; i++)
        {
            depth += config[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return config[start..i];
            }
        }

        throw new Xunit.Sdk.XunitException($"the block '{header}' in nginx.conf is not closed");
    }

    private static IReadOnlyList<YamlNode> Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return [.. stream.Documents.Select(d => d.RootNode)];
    }

    private static string? Scalar(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    [GeneratedRegex(@"^\s*server\s+(?<host>[a-z0-9-]+):(?<port>\d+)\b", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"^ENV (?<name>[A-Z][A-Z0-9_]+)=", RegexOptions.Multiline)]
    private static partial Regex EnvLine();
}
