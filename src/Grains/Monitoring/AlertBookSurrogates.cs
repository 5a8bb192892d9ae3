using AriaPro.Core.Monitoring;
using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Grains.Monitoring;

// How Orleans stores the core's alert book; the field ids are those of the state classes that
// lived here before, so stored alerts read back unchanged (AlertBookStorageTests).

[GenerateSerializer, Alias("AriaPro.AlertManagerState")]
internal struct AlertBookStateSurrogate
{
    [Id(0)] public Dictionary<string, Alert> Active;
    [Id(2)] public Dictionary<string, DateTimeOffset> CoolingUntil;
    [Id(3)] public Dictionary<string, HashSet<string>> Reported;
    [Id(4)] public Dictionary<string, DateTimeOffset> QuietUntil;
    [Id(5)] public long Sequence;
}

[RegisterConverter]
internal sealed class AlertBookStateConverter : IConverter<AlertBookState, AlertBookStateSurrogate>
{
    public AlertBookState ConvertFromSurrogate(in AlertBookStateSurrogate s) => new()
    {
        Active = s.Active ?? new(StringComparer.Ordinal),
        CoolingUntil = s.CoolingUntil ?? new(StringComparer.Ordinal),
        Reported = s.Reported ?? new(StringComparer.Ordinal),
        QuietUntil = s.QuietUntil ?? new(StringComparer.Ordinal),
        Sequence = s.Sequence,
    };

    public AlertBookStateSurrogate ConvertToSurrogate(in AlertBookState v) => new()
    {
        Active = v.Active, CoolingUntil = v.CoolingUntil, Reported = v.Reported, QuietUntil = v.QuietUntil, Sequence = v.Sequence,
    };
}

[GenerateSerializer, Alias("AriaPro.AlertHistoryState")]
internal struct AlertHistorySurrogate
{
    [Id(0)] public List<Alert> Recent;
}

[RegisterConverter]
internal sealed class AlertHistoryConverter : IConverter<AlertHistory, AlertHistorySurrogate>
{
    public AlertHistory ConvertFromSurrogate(in AlertHistorySurrogate s) => new() { Recent = s.Recent ?? [] };

    public AlertHistorySurrogate ConvertToSurrogate(in AlertHistory v) => new() { Recent = v.Recent };
}
