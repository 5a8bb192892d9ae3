using AriaPro.Cli;

// Ctrl+C cancels the command (aria watch ends cleanly) instead of killing the process.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    interrupted.Cancel();
};

return await AriaCli.RunAsync(args, CliContext.FromProcess(), interrupted.Token);
