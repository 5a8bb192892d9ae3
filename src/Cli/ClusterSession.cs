using AriaPro.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AriaPro.Cli;

/// <summary>Connects to the cluster, runs one command and disconnects.</summary>
internal static class ClusterSession
{
    /// <summary>How long connecting may take before the CLI gives up.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Connection attempts before the CLI reports the cluster unreachable.</summary>
    public const int MaxConnectAttempts = 3;

    /// <summary>How long a command that failed transiently (a silo died) is retried: about one failover.</summary>
    public static readonly TimeSpan CommandRetryFor = TimeSpan.FromSeconds(20);

    /// <summary>How long a clean disconnect may take.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(ConnectionSettings connection, CliCommand command, TextWriter output, TextWriter error)
    {
        // No default logging providers: Orleans' own logs would drown the command's output.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddAriaProClient(options =>
        {
            options.Redis = connection.Redis;
            options.GatewayPort = connection.GatewayPort;
            options.ClusterId = connection.ClusterId;
            options.ServiceId = connection.ServiceId;
            options.MaxConnectAttempts = MaxConnectAttempts;
            options.RetryFor = CommandRetryFor;
        });
        using var host = builder.Build();

        try
        {
            using var connecting = new CancellationTokenSource(ConnectTimeout);
            await host.StartAsync(connecting.Token);
        }
        catch (Exception ex)
        {
            error.WriteLine($"aria: cannot connect to AriaPro via {connection.Describe()}: {FirstLine(ex)}");
            return ExitCodes.Failure;
        }

        try
        {
            var runner = new CommandRunner(host.Services.GetRequiredService<AriaProClient>(), output, error);
            return await runner.RunAsync(command);
        }
        catch (Exception ex)
        {
            error.WriteLine($"aria: the cluster refused the command: {FirstLine(ex)}");
            return ExitCodes.Failure;
        }
        finally
        {
            await StopQuietlyAsync(host);
        }
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        try
        {
            using var stopping = new CancellationTokenSource(StopTimeout);
            await host.StopAsync(stopping.Token);
        }
        catch (Exception)
        {
            // The command already ran; a failed disconnect changes nothing for the user.
        }
    }

    private static string FirstLine(Exception ex)
    {
        var message = ex is AggregateException aggregate ? aggregate.GetBaseException().Message : ex.Message;
        return message.Split('\n')[0].Trim();
    }
}
