using System.Text.Json;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Bookings;

/// <summary>
/// One of the viewer's own bookings: its sessions, a calendar download, and once the course
/// has ended the evaluation, then the follow-up (what was put into practice).
/// </summary>
public sealed class MyBookingModel : InclusionPage
{
    public static readonly string[] ContentRatings = ["POOR", "FAIR", "GOOD", "EXCELLENT"];
    public static readonly string[] Agreements = ["STRONGLY_DISAGREE", "DISAGREE", "NEUTRAL", "AGREE", "STRONGLY_AGREE"];
    public static readonly string[] Implementations = ["NOT_YET", "PARTLY", "FULLY"];

    private static readonly Dictionary<string, string> EvaluationFields = new(StringComparer.Ordinal)
    {
        ["content"] = "content",
        ["knowledgeImproved"] = "knowledgeImproved",
        ["confidenceImproved"] = "confidenceImproved",
        ["comments"] = "comments",
    };

    private static readonly Dictionary<string, string> FollowUpFields = new(StringComparer.Ordinal)
    {
        ["implemented"] = "implemented",
        ["notes"] = "notes",
    };

    public JsonElement Booking { get; private set; }

    /// <summary>The content rating (the form's "content"; PageModel already has a Content method).</summary>
    [BindProperty(Name = "content")]
    public string? ContentRating { get; set; }

    [BindProperty]
    public string? KnowledgeImproved { get; set; }

    [BindProperty]
    public string? ConfidenceImproved { get; set; }

    [BindProperty]
    public string? Comments { get; set; }

    [BindProperty]
    public string? Implemented { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public bool Ended => Booking.GetProperty("run").GetProperty("endsAt").GetDateTimeOffset() < Now;

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostEvaluationAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        Require("content", ContentRating, ContentRatings);
        Require("knowledgeImproved", KnowledgeImproved, Agreements);
        Require("confidenceImproved", ConfidenceImproved, Agreements);
        if (Errors.Any)
        {
            return Page();
        }
        return await SendAsync(id, "Bookings/SubmitEvaluation.graphql", "submitEvaluation",
            new { bookingId = id, content = ContentRating, knowledgeImproved = KnowledgeImproved, confidenceImproved = ConfidenceImproved, comments = Blank(Comments) },
            EvaluationFields, "content", "Thank you. Your evaluation is sent.");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        Require("implemented", Implemented, Implementations);
        if (Errors.Any)
        {
            return Page();
        }
        return await SendAsync(id, "Bookings/SubmitFollowUp.graphql", "submitFollowUp",
            new { bookingId = id, implemented = Implemented, notes = Blank(Notes) }, FollowUpFields, "implemented", "Thank you. Your follow-up is sent.");
    }

    private void Require(string field, string? value, string[] allowed)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            Errors.Add(field, "Select an answer");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<IActionResult> SendAsync(string id, string document, string field, object input, IReadOnlyDictionary<string, string> fields, string fallback, string done)
    {
        var result = await GraphQL.ExecuteAsync(HttpContext, document, new { input });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty(field).GetProperty("errors"), fields, fallback).All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = done;
        return LocalRedirect($"/my/bookings/{Uri.EscapeDataString(id)}");
    }

    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (OnlyFor() is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Bookings/MyBookings.graphql");
        Booking = result.Data.GetProperty("me") is { ValueKind: JsonValueKind.Object } me
            ? me.GetProperty("bookings").EnumerateArray().FirstOrDefault(b => b.GetProperty("id").GetString() == id)
            : default;
        if (Booking.ValueKind != JsonValueKind.Object)
        {
            Title = "Booking not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Title = Booking.GetProperty("run").GetProperty("course").GetProperty("title").GetString()!;
        return null;
    }
}
