using System.Collections.Concurrent;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

/// <summary>Admitted requests: principal, endpoint and admission time on the store's clock.</summary>
internal sealed class Admissions : ConcurrentQueue<(string Principal, string Endpoint, DateTimeOffset At)>;
