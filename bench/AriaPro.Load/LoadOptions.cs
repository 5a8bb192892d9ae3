using System.Globalization;
using AriaPro.Load.Operations;

namespace AriaPro.Load;

/// <summary>The generator's command line, validated; <see cref="Parse"/> names the bad argument.</summary>
public sealed record LoadOptions
{
    public const string RunCommand = "run";
    public const string SoakCommand = "soak";

    /// <summary><c>run</c> (load steps) or <c>soak</c> (working set of an auto-trading silo over time).</summary>
    public string Command { get; init; } = RunCommand;

    /// <summary>orleans, http or both.</summary>
    public string Mode { get; init; } = "both";

    /// <summary>Operations to run; empty runs every one the target supports.</summary>
    public IReadOnlyList<string> Operations { get; init; } = [];

    /// <summary>Seconds each measured step offers load.</summary>
    public double DurationSeconds { get; init; } = 10;

    /// <summary>Seconds of closed-loop warm-up before an operation's first step.</summary>
    public double WarmupSeconds { get; init; } = 3;

    /// <summary>Most calls in flight at once.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>A fixed rate to offer instead of the saturation search.</summary>
    public double? Rate { get; init; }

    /// <summary>Fractions of the saturation throughput offered after the saturation probe.</summary>
    public IReadOnlyList<double> Fractions { get; init; } = [0.5, 0.9];

    /// <summary>Symbols the orders go to (and, in a soak, that auto-trade).</summary>
    public int Symbols { get; init; } = 10;

    /// <summary>External facades, for HTTP mode against running silos.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    /// <summary>Gateway port of an external silo on localhost, for Orleans mode against a running silo.</summary>
    public int? GatewayPort { get; init; }

    /// <summary>Redis of a cluster: the client finds gateways through it, and its PING is a baseline.</summary>
    public string? Redis { get; init; }

    /// <summary>Silo processes to start against <see cref="Redis"/>.</summary>
    public int StartSilos { get; init; }

    /// <summary>Orleans cluster id of a running cluster (<c>ARIA_CLUSTER_ID</c>); silos started here get one of their own.</summary>
    public string ClusterId { get; init; } = "aria";

    /// <summary>Orleans service id of a running cluster (<c>ARIA_SERVICE_ID</c>); silos started here get one of their own.</summary>
    public string ServiceId { get; init; } = "ariapro";

    /// <summary>API key exchanged for the HTTP token.</summary>
    public string? ApiKey { get; init; }

    /// <summary>JSON report file.</summary>
    public string? JsonFile { get; init; }

    /// <summary>Where the silos' own log lines go.</summary>
    public string SiloLog { get; init; } = Path.Combine(Path.GetTempPath(), "aria-load-silo.log");

    /// <summary>Soak length in minutes.</summary>
    public double Minutes { get; init; } = 10;

    /// <summary>Seconds between working-set samples in a soak.</summary>
    public double SampleSeconds { get; init; } = 10;

    /// <summary>True when no external target is given: the generator starts the silo itself.</summary>
    public bool IsEmbedded => Urls.Count == 0 && GatewayPort is null && Redis is null;

    public bool RunsOrleans => Mode is "orleans" or "both";

    public bool RunsHttp => Mode is "http" or "both";

    public const string Usage = """
        usage: AriaPro.Load [run] [options]      load steps, a table and optionally JSON
               AriaPro.Load soak [options]       working set of a silo auto-trading N symbols
        run options:
          --mode orleans|http|both   (both)       --ops a,b,...  (every supported operation)
          --duration SECONDS (10)   --warmup SECONDS (3)   --concurrency N (64)
          --rate R                   one open-loop step at R/s instead of saturation, 50% and 90%
          --fractions 0.5,0.9        fractions of saturation offered after the probe
          --symbols N (10)           orders alternate buy/sell across N symbols (at most 30)
          --url URL[,URL]            external facades (HTTP mode)
          --gateway PORT             external silo's gateway on localhost (Orleans mode)
          --redis HOST:PORT          cluster Redis: client discovery and the Redis PING baseline
          --start-silos N            start N silo processes against --redis (new cluster and service ids each run)
          --cluster-id ID            cluster id of a running cluster (aria)
          --service-id ID            service id of a running cluster (ariapro)
          --api-key KEY              key for POST /auth/token (default: the key silos started here get)
          --json FILE                write the results as JSON
          --silo-log FILE            where the silos' log lines go
        soak options: --minutes M (10)  --sample-seconds S (10)  --symbols N (30)  --json FILE
        operations: 
        """ + "orders, orders-batch, risk-metrics, inference, models, metric-record, rate-limit, noop-grain, bare-endpoint, redis-ping";

    /// <summary>Parses <paramref name="args"/>; returns null and the problem when an argument is bad.</summary>
    public static (LoadOptions? Options, string? Problem) Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        var i = 0;
        if (args.Count > 0 && args[0] is RunCommand or SoakCommand)
        {
            options = options with { Command = args[0], Symbols = args[0] == SoakCommand ? 30 : options.Symbols };
            i = 1;
        }

        for (; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            var value = args[++i];
            string? problem = null;
            switch (name)
            {
                case "--mode" when value is "orleans" or "http" or "both":
                    options = options with { Mode = value };
                    break;
                case "--mode":
                    problem = $"--mode must be orleans, http or both, not '{value}'";
                    break;
                case "--ops":
                    var ops = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = ops.Where(o => !OperationNames.All.Contains(o)).ToList();
                    problem = unknown.Count > 0 ? $"--ops: unknown operation(s) {string.Join(", ", unknown)}" : null;
                    options = options with { Operations = ops };
                    break;
                case "--duration":
                    (options, problem) = Number(value, name, d => options with { DurationSeconds = d }, min: 0.1);
                    break;
                case "--warmup":
                    (options, problem) = Number(value, name, d => options with { WarmupSeconds = d }, min: 0);
                    break;
                case "--concurrency":
                    (options, problem) = Whole(value, name, n => options with { Concurrency = n }, min: 1, max: 100_000);
                    break;
                case "--rate":
                    (options, problem) = Number(value, name, d => options with { Rate = d }, min: 0.001);
                    break;
                case "--fractions":
                    var fractions = value.Split(',').Select(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToList();
                    problem = fractions.Count == 0 || fractions.Any(f => f is not (> 0 and <= 1)) ? $"--fractions must be numbers above 0 and at most 1, not '{value}'" : null;
                    options = options with { Fractions = fractions };
                    break;
                case "--symbols":
                    (options, problem) = Whole(value, name, n => options with { Symbols = n }, min: 1, max: Targets.SymbolSet.All.Count);
                    break;
                case "--url":
                    var urls = new List<Uri>();
                    foreach (var text in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                        {
                            urls.Add(uri);
                        }
                        else
                        {
                            problem = $"--url: '{text}' is not an http(s) address";
                        }
                    }

                    options = options with { Urls = urls };
                    break;
                case "--gateway":
                    (options, problem) = Whole(value, name, n => options with { GatewayPort = n }, min: 1, max: 65535);
                    break;
                case "--redis":
                    options = options with { Redis = value };
                    break;
                case "--start-silos":
                    (options, problem) = Whole(value, name, n => options with { StartSilos = n }, min: 1, max: 8);
                    break;
                case "--cluster-id":
                    options = options with { ClusterId = value };
                    break;
                case "--service-id":
                    options = options with { ServiceId = value };
                    break;
                case "--api-key":
                    options = options with { ApiKey = value };
                    break;
                case "--json":
                    options = options with { JsonFile = value };
                    break;
                case "--silo-log":
                    options = options with { SiloLog = value };
                    break;
                case "--minutes":
                    (options, problem) = Number(value, name, d => options with { Minutes = d }, min: 0.1);
                    break;
                case "--sample-seconds":
                    (options, problem) = Number(value, name, d => options with { SampleSeconds = d }, min: 1);
                    break;
                default:
                    problem = $"unknown option {name}";
                    break;
            }

            if (problem is not null)
            {
                return (null, problem);
            }
        }

        if (options.StartSilos > 0 && options.Redis is null)
        {
            return (null, "--start-silos needs --redis: the silos form a cluster through it");
        }

        if (options.StartSilos > 0 && (options.Urls.Count > 0 || options.GatewayPort is not null))
        {
            return (null, "--start-silos starts its own silos: leave out --url and --gateway");
        }

        if (!options.IsEmbedded && options.StartSilos == 0 && options.Urls.Count == 0 && options.RunsHttp && options.Command == RunCommand)
        {
            return (null, "HTTP mode against running silos needs --url (or --mode orleans)");
        }

        if (!options.IsEmbedded && options.StartSilos == 0 && options.GatewayPort is null && options.Redis is null && options.RunsOrleans && options.Command == RunCommand)
        {
            return (null, "Orleans mode against a running silo needs --gateway or --redis (or --mode http)");
        }

        return (options, null);
    }

    private static (LoadOptions, string?) Number(string text, string name, Func<double, LoadOptions> apply, double min) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min
            ? (apply(value), null)
            : (new LoadOptions(), $"{name} must be a number of at least {min.ToString(CultureInfo.InvariantCulture)}, not '{text}'");

    private static (LoadOptions, string?) Whole(string text, string name, Func<int, LoadOptions> apply, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? (apply(value), null)
            : (new LoadOptions(), $"{name} must be a whole number from {min} to {max}, not '{text}'");
}
