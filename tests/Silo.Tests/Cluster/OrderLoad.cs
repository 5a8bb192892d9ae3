using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>
/// A steady stream of market orders of one lot, buy and sell in turn over the given symbols, each
/// with a client order id of its own, sent like many clients would: one every
/// <see cref="SubmitInterval"/>, at most <see cref="MaxInFlight"/> waiting at once. Every answer
/// (or its absence) is kept as an <see cref="OrderAttempt"/>.
/// </summary>
public sealed class OrderLoad : IAsyncDisposable
{
    /// <summary>Time between two submissions, about 33 a second.</summary>
    public static readonly TimeSpan SubmitInterval = TimeSpan.FromMilliseconds(30);

    /// <summary>Requests waiting for an answer at once; a tick that finds them all busy sends nothing.</summary>
    public const int MaxInFlight = 32;

    private readonly HttpClient _http;
    private readonly Stopwatch _clock;
    private readonly string _prefix;
    private readonly IReadOnlyList<string> _symbols;
    private readonly PeriodicTimer _timer = new(SubmitInterval);
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private readonly ConcurrentBag<Task> _requests = [];
    private readonly ConcurrentQueue<OrderAttempt> _attempts = new();
    private readonly Task _loop;

    private OrderLoad(HttpClient http, Stopwatch clock, string prefix, IReadOnlyList<string> symbols)
    {
        _http = http;
        _clock = clock;
        _prefix = prefix;
        _symbols = symbols;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Every answered (or failed) attempt so far, in the order the answers came.</summary>
    public IReadOnlyList<OrderAttempt> Attempts => _attempts.ToArray();

    /// <summary>Starts sending at once; <see cref="StopAsync"/> ends it.</summary>
    public static OrderLoad Start(HttpClient http, Stopwatch clock, string prefix, IReadOnlyList<string> symbols) =>
        new(http, clock, prefix, symbols);

    /// <summary>Acknowledged attempts sent at or after <paramref name="since"/>.</summary>
    public int AcknowledgedSince(TimeSpan since) => _attempts.Count(a => a.Acknowledged && a.SentAt >= since);

    /// <summary>Sends nothing more and waits for every request in flight to be answered.</summary>
    public async Task StopAsync()
    {
        _timer.Dispose();
        await _loop;
        await Task.WhenAll(_requests);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _inFlight.Dispose();
    }

    private async Task RunAsync()
    {
        var sequence = 0;
        while (await _timer.WaitForNextTickAsync())
        {
            if (!_inFlight.Wait(0))
            {
                continue;
            }

            sequence++;
            var symbol = _symbols[sequence % _symbols.Count];
            var side = (sequence / _symbols.Count) % 2 == 0 ? "Buy" : "Sell";
            _requests.Add(SendAsync($"{_prefix}-{sequence}", symbol, side));
        }
    }

    private async Task SendAsync(string id, string symbol, string side)
    {
        var sentAt = _clock.Elapsed;
        try
        {
            using var response = await _http.PostAsync("/trading/orders", Body(Order(id, symbol, side)));
            var text = await response.Content.ReadAsStringAsync();
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            _attempts.Enqueue(new(id, symbol, side, sentAt, _clock.Elapsed, response.StatusCode, mediaType,
                response.Headers.RetryAfter?.ToString(), ParseObject(mediaType, text), Error: null));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // No answer at all (refused, reset or timed out) is an outcome the test asserts on.
            _attempts.Enqueue(new(id, symbol, side, sentAt, _clock.Elapsed, null, null, null, null,
                $"no answer: {exception.GetType().Name}: {exception.Message}"));
        }
        finally
        {
            _inFlight.Release();
        }
    }

    // A JSON content type promises JSON: a body that breaks it fails the load, and with it the test.
    private static JsonObject? ParseObject(string? mediaType, string text) =>
        mediaType is not null && mediaType.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) as JsonObject : null;
}
