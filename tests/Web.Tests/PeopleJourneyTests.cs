using System.Text.RegularExpressions;
using InclusionNetwork.TestSupport;

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

    /// <summary>The token of the link in the message to <paramref name="email"/> that the test's SMTP server received (the real message, as it was sent).</summary>
    private async Task<string> LinkTokenAsync(string email, string path)
    {
        var message = (await web.Smtp.WaitForAsync(1, m => m.To.Mailboxes.Any(b => b.Address == email), TimeSpan.FromSeconds(60)))[0];
        return Regex.Match(message.TextBody ?? "", $"/{path}/([A-Za-z0-9_\\-]+)") is { Success: true } link
            ? link.Groups[1].Value
            : throw new InvalidOperationException($"The message to {email} has no /{path}/ link:\n{message.TextBody}");
    }
}
