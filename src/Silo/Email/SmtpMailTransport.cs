using System.Net.Sockets;
using InclusionNetwork.Grains.Messages;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace InclusionNetwork.Silo.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit: one connection for a whole dispatch
/// round (connect once, send many, QUIT), so a batch costs one TCP and TLS handshake and one
/// sign-in, not one per message.
/// </summary>
public sealed class SmtpMailTransport(SmtpOptions smtp, TimeSpan timeout) : IMailTransport
{
    public string Description => $"the SMTP server {smtp.Host}:{smtp.Port} ({smtp.Security})";

    public IMailSession Open() => new Session(smtp, timeout);

    private sealed class Session(SmtpOptions smtp, TimeSpan timeout) : IMailSession
    {
        private SmtpClient? client;

        public async Task SendAsync(long messageId, MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                if (client is not { IsConnected: true })
                {
                    client?.Dispose();
                    client = await ConnectAsync(cancellationToken);
                }
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (IsDeliveryFailure(e))
            {
                // The server refused this message (a reply code): the connection is still good for
                // the next one. Anything else may have left it broken: the next message connects afresh.
                if (e is not CommandException)
                {
                    client?.Dispose();
                    client = null;
                }
                throw new MailDeliveryException(e.Message, e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client is null)
            {
                return;
            }
            using var closing = client;
            client = null;
            if (!closing.IsConnected)
            {
                return;
            }
            using var quitTimeout = new CancellationTokenSource(timeout);
            try
            {
                await closing.DisconnectAsync(quit: true, quitTimeout.Token);
            }
            catch (Exception e) when (IsDeliveryFailure(e) || e is OperationCanceledException)
            {
                // Every message of the round already has the server's answer and its row says so;
                // a QUIT that fails changes none of that, and disposing the client closes the socket.
            }
        }

        private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
        {
            var connecting = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
            try
            {
                await connecting.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security switch
                {
                    SmtpSecurity.None => SecureSocketOptions.None,
                    SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                    _ => SecureSocketOptions.StartTls,
                }, cancellationToken);
                if (!string.IsNullOrEmpty(smtp.Username))
                {
                    await connecting.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
                }
                return connecting;
            }
            catch
            {
                connecting.Dispose();
                throw;
            }
        }

        private static bool IsDeliveryFailure(Exception e) =>
            e is CommandException or ProtocolException or IOException or SocketException or TimeoutException
                or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
                or ServiceNotAuthenticatedException or NotSupportedException;
    }
}
