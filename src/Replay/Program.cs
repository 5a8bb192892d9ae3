using AriaPro.Cli;
using AriaPro.Replay.Cli;

// Ctrl+C cancels the replay cleanly (exit 130) instead of killing the process mid-write.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    interrupted.Cancel();
};

return await ReplayCli.RunAsync(args, CliContext.FromProcess(), interrupted.Token);
