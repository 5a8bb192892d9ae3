using System.Diagnostics.CodeAnalysis;

namespace AriaPro.Silo.Configuration;

/// <summary>The outcome of <see cref="AriaSettingsLoader.Load(Microsoft.Extensions.Configuration.IConfiguration)"/>: settings, or every error found.</summary>
public sealed class ConfigurationResult
{
    private ConfigurationResult(AriaSettings? settings, IReadOnlyList<string> errors, IReadOnlyList<string> warnings)
    {
        Settings = settings;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The effective settings; null when there are errors.</summary>
    public AriaSettings? Settings { get; }

    /// <summary>One line per bad value, each naming the variable, the value and the problem.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>One line per suspicious but legal setting, such as a symbol without a position limit.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True when the configuration can be used.</summary>
    [MemberNotNullWhen(true, nameof(Settings))]
    public bool IsValid => Settings is not null;

    /// <summary>A usable configuration.</summary>
    public static ConfigurationResult Success(AriaSettings settings, IReadOnlyList<string> warnings) =>
        new(settings, [], warnings);

    /// <summary>A configuration that must stop start-up.</summary>
    public static ConfigurationResult Failure(IReadOnlyList<string> errors, IReadOnlyList<string> warnings)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(null, errors, warnings);
    }
}
