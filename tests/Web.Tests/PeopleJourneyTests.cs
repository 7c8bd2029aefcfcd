using System.Text.RegularExpressions;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class PeopleJourneyTests(WebFixture web)
{
    [Fact]
    public async Task An_invited_person_sees_who_invited_them_chooses_a_password_and_is_signed_in_then_a_password_reset_is_asked_for()
    {
        var email = $"invited.{Guid.NewGuid():N}@kent.example";
        using (var admin = await web.Silo.SignInAsync("admin@demo.test"))
        {
            var payload = await admin.QueryAsync(
                "mutation($input: InviteInput!) { invite(input: $input) { errors { code message } } }",
                new { input = new { email, name = "Rowan Invited", roles = new[] { "COMMISSIONER" } } }, "invite");
            Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, $"invite refused: {payload}");
        }
        var token = await LinkTokenAsync(email, "invitations");

        await web.RunJourneyAsync("invitation", new { token, email });
    }

    /// <summary>The token of the link the Silo wrote to its pickup folder for <paramref name="email"/> (the real message, as it would be sent).</summary>
    private async Task<string> LinkTokenAsync(string email, string path)
    {
        var folder = web.Silo.Services.GetRequiredService<IConfiguration>()["Email:PickupDirectory"]!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == email)
                    && Regex.Match(message.TextBody ?? "", $"/{path}/([A-Za-z0-9_\\-]+)") is { Success: true } link)
                {
                    return link.Groups[1].Value;
                }
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"No message with a /{path}/ link reached {email} in {folder} within 60 seconds.");
    }
}
