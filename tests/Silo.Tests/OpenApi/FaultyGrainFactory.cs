using System.Reflection;

namespace AriaPro.Silo.Tests.OpenApi;

/// <summary>
/// An <see cref="IGrainFactory"/> whose every grain answers every call with one exception, as a
/// cluster that does not answer (or a lock held elsewhere) would.
/// </summary>
/// <remarks>Not sealed: <see cref="DispatchProxy"/> derives a proxy type from it.</remarks>
public class FaultyGrainFactory : DispatchProxy
{
    private Exception _fault = null!;

    public static IGrainFactory Failing(Exception fault)
    {
        var factory = Create<IGrainFactory, FaultyGrainFactory>();
        ((FaultyGrainFactory)(object)factory)._fault = fault;
        return factory;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is null || !targetMethod.Name.StartsWith(nameof(IGrainFactory.GetGrain), StringComparison.Ordinal) || !targetMethod.ReturnType.IsInterface)
        {
            throw new NotSupportedException($"the faulty grain factory only hands out grains, not {targetMethod?.Name}");
        }

        var grain = Create(targetMethod.ReturnType, typeof(FaultyGrain));
        ((FaultyGrain)grain).Fault = _fault;
        return grain;
    }

    /// <summary>A grain whose every call fails with the factory's exception.</summary>
    public class FaultyGrain : DispatchProxy
    {
        internal Exception Fault { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var returns = targetMethod!.ReturnType;
            if (returns == typeof(Task))
            {
                return Task.FromException(Fault);
            }

            if (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>))
            {
                return typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!
                    .MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(null, [Fault]);
            }

            if (returns == typeof(ValueTask))
            {
                return ValueTask.FromException(Fault);
            }

            if (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(ValueTask<>))
            {
                return typeof(ValueTask).GetMethod(nameof(ValueTask.FromException), 1, [typeof(Exception)])!
                    .MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(null, [Fault]);
            }

            throw new NotSupportedException($"{targetMethod.Name} returns {returns.Name}, not a task");
        }
    }
}
