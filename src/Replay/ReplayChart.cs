namespace AriaPro.Replay;

/// <summary>One rendered chart: its file name and PNG bytes.</summary>
/// <param name="FileName">The PNG's name in the report folder, e.g. <c>equity.png</c>.</param>
/// <param name="Title">What the chart shows, for the report's captions.</param>
/// <param name="Png">The encoded image.</param>
public sealed record ReplayChart(string FileName, string Title, byte[] Png);
