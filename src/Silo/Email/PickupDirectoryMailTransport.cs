using MimeKit;

namespace InclusionNetwork.Silo.Email;

/// <summary>
/// With no SMTP server (the quick start) each message is written as an <c>.eml</c> file that
/// any mail reader opens, so a newcomer can see what would have been sent. Files need no
/// connection, so every round's session is the transport itself.
/// </summary>
public sealed class PickupDirectoryMailTransport(string directory) : IMailTransport, IMailSession
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string Description => $"the pickup directory {Directory}";

    public IMailSession Open() => this;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task SendAsync(long messageId, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var name = $"{messageId:D8}.eml";
            // Written under a temporary name and moved, so a reader never opens half a message.
            var partial = Path.Combine(Directory, name + ".partial");
            await using (var file = File.Create(partial))
            {
                await message.WriteToAsync(file, cancellationToken);
            }
            File.Move(partial, Path.Combine(Directory, name), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException(e.Message, e);
        }
    }
}
