using AriaPro.Load;
using AriaPro.Load.Running;
using AriaPro.Load.Soak;

// The table goes to standard output; progress to standard error. An embedded silo's own log lines
// (it logs through the console) go to a file instead, so they neither mix with the table nor cost
// a terminal's speed.
var (options, problem) = LoadOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync($"AriaPro.Load: {problem}");
    await Console.Error.WriteLineAsync(LoadOptions.Usage);
    return 2;
}

var output = Console.Out;
var progress = Console.Error;
await using var siloLog = new StreamWriter(options.SiloLog, append: false) { AutoFlush = false };
if (options.Command == LoadOptions.RunCommand && options.IsEmbedded)
{
    Console.SetOut(siloLog);
}

return options.Command == LoadOptions.SoakCommand
    ? await SoakRun.RunAsync(options, output, progress)
    : await LoadRun.RunAsync(options, output, progress);
