using System.Reflection;

namespace AriaPro.Silo.Tests.Client;

/// <summary>An <see cref="IGrainFactory"/> that records every call and fails it, to prove no grain was reached.</summary>
/// <remarks>Not sealed: <see cref="DispatchProxy"/> derives a proxy type from it.</remarks>
public class RecordingGrainFactory : DispatchProxy
{
    public List<string> Calls { get; } = [];

    public static (IGrainFactory Factory, RecordingGrainFactory Recorder) Create()
    {
        var factory = Create<IGrainFactory, RecordingGrainFactory>();
        return (factory, (RecordingGrainFactory)(object)factory);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Calls.Add(targetMethod?.Name ?? "?");
        throw new InvalidOperationException("No grain should be called.");
    }
}
