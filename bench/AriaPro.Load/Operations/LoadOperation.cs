namespace AriaPro.Load.Operations;

/// <summary>
/// One operation the generator offers load with. <see cref="Call"/> returns null when the call
/// succeeded, or a short reason (an HTTP status, an order status) when the system answered but
/// refused; an exception is an error too, counted by its type.
/// </summary>
/// <param name="Name">Short name used on the command line (<c>orders</c>, <c>risk-metrics</c>, ...).</param>
/// <param name="Mode">How it reaches the system: <c>orleans</c>, <c>http</c> or <c>in-process</c>.</param>
/// <param name="Description">What one call does, for the report.</param>
/// <param name="Call">Makes call number <c>i</c>.</param>
/// <param name="Baseline">Name of the platform baseline operation this one is compared with; null for a baseline or an operation without one.</param>
/// <param name="IsBaseline">True for a platform baseline (no-op grain call, bare endpoint, Redis round trip).</param>
public sealed record LoadOperation(string Name, string Mode, string Description, Func<long, ValueTask<string?>> Call, string? Baseline, bool IsBaseline = false)
{

    /// <summary>Name and mode, unique within a run.</summary>
    public string Key => $"{Mode}/{Name}";
}
