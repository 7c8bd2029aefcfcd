using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Silo.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InclusionNetwork.Silo.Extensions;

public static class EmailExtensions
{
    /// <summary>
    /// The mail pipeline: the outbox writer and composer the domain uses, and one dispatcher per
    /// silo that sends the outbox over SMTP (<c>Email:Smtp:*</c>), or, with no SMTP host (the
    /// quick start), writes each message as an <c>.eml</c> file to <c>Email:PickupDirectory</c>,
    /// by default <c>.data/mail</c> beside the embedded database's data directory.
    /// </summary>
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Email");
        builder.Services.Configure<EmailOptions>(section);
        var settings = section.Get<EmailOptions>() ?? new EmailOptions();
        if (!MailboxAddress.TryParse(settings.From, out _))
        {
            throw new StartupConfigurationException($"Email:From must be an email address, optionally with a name (\"Service <no-reply@example.org>\"); it is \"{settings.From}\".");
        }
        if (settings.MaxAttempts < 1 || settings.PollInterval <= TimeSpan.Zero || settings.Lease <= TimeSpan.Zero)
        {
            throw new StartupConfigurationException("Email:MaxAttempts must be at least 1, and Email:PollInterval and Email:Lease longer than zero.");
        }
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<EmailComposer>();
        builder.Services.AddSingleton<OutboxQueries>();
        builder.Services.AddSingleton<NotificationPreferenceStore>();
        builder.Services.AddSingleton<IMailTransport>(services =>
        {
            var current = services.GetRequiredService<IOptions<EmailOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(current.Smtp.Host))
            {
                return new SmtpMailTransport(current.Smtp, current.Lease / 2);
            }
            return new PickupDirectoryMailTransport(current.PickupDirectory ?? DefaultPickupDirectory(builder.Configuration));
        });
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddHostedService<DeliveryFailureSummarySchedule>();
        return builder;
    }

    /// <summary><c>mail</c> beside the embedded database's data directory (<c>.data/postgres</c> unless configured).</summary>
    private static string DefaultPickupDirectory(IConfiguration configuration)
    {
        var databaseDirectory = Path.GetFullPath(configuration["Postgres:Embedded:DataDirectory"]
            ?? Path.Combine(Directory.GetCurrentDirectory(), ".data", "postgres"));
        return Path.Combine(Path.GetDirectoryName(databaseDirectory.TrimEnd(Path.DirectorySeparatorChar)) ?? databaseDirectory, "mail");
    }
}
