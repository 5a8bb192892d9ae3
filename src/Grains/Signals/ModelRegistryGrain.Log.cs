using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Signals;

public sealed partial class ModelRegistryGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Model manifest {ManifestVersion} written under fencing token {Token}: {Models}; {Rejected} rejected")]
    private partial void LogReloaded(long manifestVersion, long token, string models, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model reload left out {File}: {Reason}")]
    private partial void LogRejected(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model reload refused: fencing token {Token} is not newer than {LastToken} of manifest {ManifestVersion}")]
    private partial void LogStale(long token, long lastToken, long manifestVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model reload refused: no models folder at {Directory}")]
    private partial void LogNoFolder(string directory);
}
