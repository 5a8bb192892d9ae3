using AriaPro.Silo.Hosting;

return await AriaProHost.RunAsync(args);

/// <summary>The silo's entry point; public for the HTTP tests.</summary>
public partial class Program;
