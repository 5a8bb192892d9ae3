using System.Text;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>
/// A console stream the CLI writes to while a test reads it from another thread; a test can
/// await a piece of text instead of polling for it.
/// </summary>
public sealed class CapturingWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? string.Empty);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }

    /// <summary>Completes once <paramref name="text"/> has been written; fails after <paramref name="limit"/>.</summary>
    public async Task WaitForAsync(string text, TimeSpan limit)
    {
        TaskCompletionSource seen;
        lock (_lock)
        {
            if (_text.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
        }

        try
        {
            await seen.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"'{text}' was not written within {limit.TotalSeconds} s; written: {this}");
        }
    }

    private void Append(string value)
    {
        lock (_lock)
        {
            _text.Append(value);
            var all = _text.ToString();
            foreach (var waiter in _waiters.Where(w => all.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.SetResult();
            }
        }
    }
}
