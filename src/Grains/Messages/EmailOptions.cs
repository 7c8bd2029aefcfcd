namespace InclusionNetwork.Grains.Messages;

/// <summary>How the product sends email (configuration section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    /// <summary>The sender, address and name, e.g. <c>InclusionNetwork &lt;no-reply@council.example&gt;</c>.</summary>
    public string From { get; set; } = "InclusionNetwork <no-reply@inclusion.invalid>";

    /// <summary>The service's name as every message signs off with it.</summary>
    public string ServiceName { get; set; } = "InclusionNetwork";

    /// <summary>How a reader reaches the council when they need help (an address, a phone number, or both).</summary>
    public string CouncilContact { get; set; } = "the council's inclusion team";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where messages are written as <c>.eml</c> files when <see cref="SmtpOptions.Host"/> is empty.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How often an idle dispatcher looks for messages: one indexed query each time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages claimed at once by one dispatcher.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a message is marked FAILED.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claimed message stays with the dispatcher that claimed it. Longer than one
    /// send can take (the SMTP timeout is half of it), so no other silo sends it meanwhile.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no SMTP server, messages go to the pickup directory.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }
}

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity { None, StartTls, SslOnConnect }
