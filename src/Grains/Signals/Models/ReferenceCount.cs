namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// Frees a shared resource once nobody uses it: one reference for the owner, released by
/// <see cref="Retire"/>, plus one per user between <see cref="TryEnter"/> and <see cref="Exit"/>.
/// Once the count reaches zero the resource is freed and nobody can enter again.
/// </summary>
public sealed class ReferenceCount(Action free)
{
    private int _count = 1;
    private int _retired;

    /// <summary>True once the resource has been freed.</summary>
    public bool IsFreed => Volatile.Read(ref _count) == 0;

    /// <summary>Takes a reference; false when the resource is already freed.</summary>
    public bool TryEnter()
    {
        var current = Volatile.Read(ref _count);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _count, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Gives back a reference taken by <see cref="TryEnter"/>.</summary>
    public void Exit()
    {
        if (Interlocked.Decrement(ref _count) == 0)
        {
            free();
        }
    }

    /// <summary>Gives back the owner's reference; idempotent.</summary>
    public void Retire()
    {
        if (Interlocked.Exchange(ref _retired, 1) == 0)
        {
            Exit();
        }
    }
}
