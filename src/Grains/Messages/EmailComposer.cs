using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace InclusionNetwork.Grains.Messages;

/// <summary>
/// Writes every message the same way, following GOV.UK's guidance for emails: a greeting by
/// name, short paragraphs in plain English, a link on a line of its own written out in full,
/// and a sign-off that names the service and says how to reach the council.
/// </summary>
public sealed class EmailComposer(IOptions<EmailOptions> options)
{
    public EmailOptions Settings => options.Value;

    /// <param name="before">Paragraphs before the link.</param>
    /// <param name="link">The one thing to do, written out in full so it works in any mail reader.</param>
    /// <param name="after">Paragraphs after the link (how long it lasts, what to do if unexpected).</param>
    public ComposedEmail Compose(string recipientName, string subject, IReadOnlyList<string> before, Uri? link = null, IReadOnlyList<string>? after = null)
    {
        var settings = options.Value;
        var closing = new[]
        {
            $"If you need help, contact {settings.CouncilContact}.",
        };
        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject))
            .Append("</title></head><body style=\"font-family: arial, sans-serif; font-size: 19px; line-height: 1.3; color: #0b0c0c;\">");
        void Paragraph(string words)
        {
            text.Append(words).Append("\r\n\r\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(words)).Append("</p>");
        }
        Paragraph($"Dear {recipientName},");
        foreach (var paragraph in before)
        {
            Paragraph(paragraph);
        }
        if (link is not null)
        {
            var address = link.AbsoluteUri;
            text.Append(address).Append("\r\n\r\n");
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(address)).Append("\">")
                .Append(WebUtility.HtmlEncode(address)).Append("</a></p>");
        }
        foreach (var paragraph in after ?? [])
        {
            Paragraph(paragraph);
        }
        foreach (var paragraph in closing)
        {
            Paragraph(paragraph);
        }
        text.Append(settings.ServiceName).Append("\r\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(settings.ServiceName)).Append("</p></body></html>");
        return new ComposedEmail(subject, text.ToString(), html.ToString());
    }

    /// <summary>
    /// Ends a reminder or prompt with the one-click link that turns that kind of message off,
    /// as GOV.UK asks of any message a person did not ask for; it needs no signing in.
    /// </summary>
    public ComposedEmail WithUnsubscribe(ComposedEmail email, Uri link, NotificationCategory category)
    {
        var what = category == NotificationCategory.Reminder ? "reminders" : "requests for evaluations and follow-ups";
        var words = $"To stop getting {what} from {options.Value.ServiceName}, use this link. You do not need to sign in:";
        var address = link.AbsoluteUri;
        var text = email.Text + words + "\r\n" + address + "\r\n";
        var footer = $"<p>{WebUtility.HtmlEncode(words)}<br><a href=\"{WebUtility.HtmlEncode(address)}\">{WebUtility.HtmlEncode(address)}</a></p>";
        var end = email.Html.LastIndexOf("</body>", StringComparison.Ordinal);
        var html = end < 0 ? email.Html + footer : email.Html.Insert(end, footer);
        return email with { Text = text, Html = html };
    }
}
