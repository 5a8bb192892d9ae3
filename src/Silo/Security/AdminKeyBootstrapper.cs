using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Silo.Security;

/// <summary>
/// At start, after the silo has joined its cluster and before the facade takes requests, makes
/// sure an administrator can get in: stores <c>ARIA_ADMIN_API_KEY</c> when it is set, or creates
/// an admin key the first time there is none and prints it once, to standard output only (never
/// to the log).
/// </summary>
internal sealed partial class AdminKeyBootstrapper(IGrainFactory grains, ApiKeyOptions options, ILogger<AdminKeyBootstrapper> logger) : IHostedService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private const int Attempts = 15;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var created = await grains.GetGrain<IApiKeyRegistryGrain>(0).EnsureAdmin(options.AdminApiKey);
                if (created is not null)
                {
                    await Console.Out.WriteLineAsync($"AriaPro admin API key (shown once; store it now): {created}");
                }

                return;
            }
            catch (Exception exception) when (attempt < Attempts && !cancellationToken.IsCancellationRequested)
            {
                LogNotYet(exception, attempt);
                await Task.Delay(RetryAfter, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make sure an admin API key exists (attempt {Attempt}); trying again")]
    private partial void LogNotYet(Exception exception, int attempt);
}
