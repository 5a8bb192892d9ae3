using System.ComponentModel.DataAnnotations;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>
/// How alert notifications are queued and retried. Not bound from the environment: the defaults
/// suit production, and tests shorten them.
/// </summary>
public sealed class AlertDeliveryOptions
{
    /// <summary>How many alerts each channel holds before it drops the oldest.</summary>
    /// <value>The default value is 1,000.</value>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = AlertDeliveryConstants.QueueCapacity;

    /// <summary>Attempts per alert and channel, the first one included.</summary>
    /// <value>The default value is 10.</value>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = AlertDeliveryConstants.MaxAttempts;

    /// <summary>The wait before the first retry; each later wait doubles it.</summary>
    /// <value>The default value is 0.5 seconds.</value>
    public TimeSpan InitialRetryDelay { get; set; } = AlertDeliveryConstants.InitialRetryDelay;

    /// <summary>The longest wait between two attempts, a receiver's <c>Retry-After</c> included.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = AlertDeliveryConstants.MaxRetryDelay;

    /// <summary>How long one attempt (one POST, one SMTP session) may take.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = AlertDeliveryConstants.AttemptTimeout;

    /// <summary>How long a stopping silo keeps delivering what is queued before it gives up.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan StopGrace { get; set; } = AlertDeliveryConstants.StopGrace;

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        Require(QueueCapacity >= 1, nameof(QueueCapacity), "must be at least 1");
        Require(MaxAttempts >= 1, nameof(MaxAttempts), "must be at least 1");
        Require(InitialRetryDelay >= TimeSpan.Zero, nameof(InitialRetryDelay), "must not be negative");
        Require(MaxRetryDelay >= InitialRetryDelay, nameof(MaxRetryDelay), "must not be shorter than InitialRetryDelay");
        Require(AttemptTimeout > TimeSpan.Zero, nameof(AttemptTimeout), "must be positive");
        Require(StopGrace >= TimeSpan.Zero, nameof(StopGrace), "must not be negative");
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"AlertDeliveryOptions.{name} {problem}", name);
        }
    }
}
