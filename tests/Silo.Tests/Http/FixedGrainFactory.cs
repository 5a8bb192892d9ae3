using System.Reflection;

namespace AriaPro.Silo.Tests.Http;

/// <summary>An <see cref="IGrainFactory"/> that answers every GetGrain with one given object, to drive a handler without a cluster.</summary>
/// <remarks>Not sealed: <see cref="DispatchProxy"/> derives a proxy type from it.</remarks>
public class FixedGrainFactory : DispatchProxy
{
    private object? _grain;

    public static IGrainFactory Returning(object grain)
    {
        var factory = Create<IGrainFactory, FixedGrainFactory>();
        ((FixedGrainFactory)(object)factory)._grain = grain;
        return factory;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.Name == nameof(IGrainFactory.GetGrain) ? _grain : throw new NotSupportedException(targetMethod?.Name);
}
