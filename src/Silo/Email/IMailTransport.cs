using MimeKit;

namespace InclusionNetwork.Silo.Email;

/// <summary>Where the dispatcher hands a message: an SMTP server, or the pickup directory.</summary>
public interface IMailTransport
{
    /// <summary>A description for the log, e.g. where the files go.</summary>
    string Description { get; }

    /// <exception cref="MailDeliveryException">The message could not be handed over; the reason says why.</exception>
    Task SendAsync(long messageId, MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A message could not be handed over now; the outbox keeps the reason and tries again later.</summary>
public sealed class MailDeliveryException(string message, Exception inner) : Exception(message, inner);
