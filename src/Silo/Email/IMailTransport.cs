using MimeKit;

namespace InclusionNetwork.Silo.Email;

/// <summary>Where the dispatcher hands messages: an SMTP server, or the pickup directory.</summary>
public interface IMailTransport
{
    /// <summary>A description for the log, e.g. where the files go.</summary>
    string Description { get; }

    /// <summary>
    /// One dispatch round's way out: every message of the round goes through it (over one SMTP
    /// connection), and disposing it ends the round (the connection is closed).
    /// </summary>
    IMailSession Open();
}

/// <summary>Messages handed over one after another, for one dispatch round.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <exception cref="MailDeliveryException">The message could not be handed over; the reason says why. The session stays usable for the next message.</exception>
    Task SendAsync(long messageId, MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A message could not be handed over now; the outbox keeps the reason and tries again later.</summary>
public sealed class MailDeliveryException(string message, Exception inner) : Exception(message, inner);
