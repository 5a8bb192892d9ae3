namespace AriaPro.Load.Running;

/// <summary>What one step of one operation measured.</summary>
/// <param name="Operation">Operation name.</param>
/// <param name="Mode">orleans, http, in-process or redis.</param>
/// <param name="Kind">Saturation probe or fixed rate.</param>
/// <param name="Label">How the row is labelled: <c>saturation</c>, <c>50%</c>, <c>90%</c> or <c>fixed</c>.</param>
/// <param name="OfferedRate">Sends a second offered; null for a closed loop.</param>
/// <param name="Concurrency">Most calls in flight at once.</param>
/// <param name="Sent">Calls started.</param>
/// <param name="Succeeded">Calls answered successfully.</param>
/// <param name="Errors">Calls that failed, were refused, or were still unanswered when the drain limit passed.</param>
/// <param name="ErrorKinds">Errors by kind (exception type, HTTP status, order status), with one example message each.</param>
/// <param name="ElapsedSeconds">From the first intended send to the last answer.</param>
/// <param name="Latency">Latency, from the intended send time (open loop) or the send (closed loop).</param>
/// <param name="SendLag">Open loop only: how late the generator itself sent, from the intended time.</param>
/// <param name="Usage">What this process used during the step: CPU time, bytes allocated and collections (embedded: silo, client and generator together).</param>
public sealed record StepResult(
    string Operation,
    string Mode,
    StepKind Kind,
    string Label,
    double? OfferedRate,
    int Concurrency,
    long Sent,
    long Succeeded,
    long Errors,
    IReadOnlyDictionary<string, ErrorKind> ErrorKinds,
    double ElapsedSeconds,
    LatencySummary Latency,
    LatencySummary? SendLag,
    ProcessUsage Usage = default)
{
    /// <summary>Successful calls a second.</summary>
    public double Achieved => ElapsedSeconds > 0 ? Succeeded / ElapsedSeconds : 0;

    /// <summary>CPU microseconds this process spent per call sent.</summary>
    public double CpuMicrosPerCall => Sent > 0 ? Usage.CpuSeconds * 1e6 / Sent : 0;

    /// <summary>Kilobytes this process allocated per call sent: unlike time, not changed by what else runs on the machine.</summary>
    public double AllocatedKilobytesPerCall => Sent > 0 ? Usage.AllocatedBytes / 1024.0 / Sent : 0;
}

/// <summary>How many errors of one kind a step had, and the first one's message.</summary>
public sealed record ErrorKind(long Count, string Example);
