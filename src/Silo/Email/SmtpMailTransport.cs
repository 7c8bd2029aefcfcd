using System.Net.Sockets;
using InclusionNetwork.Grains.Messages;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace InclusionNetwork.Silo.Email;

/// <summary>Sends through the configured SMTP server with MailKit, one connection per message.</summary>
public sealed class SmtpMailTransport(SmtpOptions smtp, TimeSpan timeout) : IMailTransport
{
    public string Description => $"the SMTP server {smtp.Host}:{smtp.Port} ({smtp.Security})";

    public async Task SendAsync(long messageId, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is CommandException or ProtocolException or IOException or SocketException or TimeoutException
                                      or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
                                      or ServiceNotAuthenticatedException or NotSupportedException)
        {
            throw new MailDeliveryException(e.Message, e);
        }
    }
}
