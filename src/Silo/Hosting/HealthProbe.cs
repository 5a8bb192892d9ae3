namespace AriaPro.Silo.Hosting;

/// <summary>
/// <c>AriaPro.Silo probe URL</c>: asks a silo's health endpoint and exits 0 when it answers 2xx
/// within <see cref="Timeout"/>, 1 otherwise. The container image's health check uses it, since
/// the runtime image has no curl.
/// </summary>
public static class HealthProbe
{
    /// <summary>The first argument that selects the probe.</summary>
    public const string Command = "probe";

    /// <summary>How long the probe waits for an answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Probes <paramref name="url"/>; writes one line saying what it found.</summary>
    public static async Task<int> RunAsync(string url, TextWriter output)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            await output.WriteLineAsync($"aria probe: '{url}' is not an absolute http(s) URL");
            return 2;
        }

        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(target);
            await output.WriteLineAsync($"aria probe: {target} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"aria probe: {target} did not answer: {exception.Message}");
            return 1;
        }
    }
}
