using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Web.Formatting;
using Microsoft.AspNetCore.Html;

namespace InclusionNetwork.Web.Pages.PeerReview;

/// <summary>How peer-review values read on the pages: visit statuses as GOV.UK tags, civil dates.</summary>
public static class PeerReviewText
{
    public static readonly string[] FrameworkAreas = ["CHILD_AND_FAMILY_CENTRED", "PROGRESS_IN_EDUCATION", "WELLBEING", "COMMUNITY", "TRANSITIONS_AND_INDEPENDENCE"];

    public static readonly string[] ActionStatuses = ["NOT_STARTED", "IN_PROGRESS", "IMPLEMENTED"];

    /// <summary>A visit status as a coloured GOV.UK tag; the text alone carries the meaning.</summary>
    public static IHtmlContent Tag(string? status)
    {
        var colour = status switch
        {
            "PROPOSED" => " govuk-tag--yellow",
            "CONFIRMED" => " govuk-tag--blue",
            "COMPLETED" or "REPORTED" => " govuk-tag--turquoise",
            "FOLLOWED_UP" => " govuk-tag--green",
            "CANCELLED" => " govuk-tag--grey",
            _ => "",
        };
        return new HtmlString($"<strong class=\"govuk-tag{colour}\">{System.Net.WebUtility.HtmlEncode(Format.Label(status))}</strong>");
    }

    public static DateOnly? Date(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    /// <summary>"Friday 27 March 2027", or <paramref name="none"/>.</summary>
    public static string Day(JsonElement value, string none = "Not set") => Date(value) is { } date ? Format.Day(date) : none;
}
