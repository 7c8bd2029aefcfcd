using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Bookings;

/// <summary>
/// A school booker's view of every booking of their school's staff: cancel one, or accept a
/// place offered from the waiting list before the offer lapses.
/// </summary>
public sealed class SchoolBookingsModel : InclusionPage
{
    public JsonElement School { get; private set; }

    public IReadOnlyList<JsonElement> Bookings { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => OnlyFor(Role.SCHOOL_BOOKER) is { } refused ? Task.FromResult(refused) : ShowAsync();

    public Task<IActionResult> OnPostAcceptAsync(string bookingId) =>
        ChangeAsync("Bookings/AcceptOffer.graphql", "acceptOffer", bookingId, "The place is accepted and the booking is confirmed.");

    public Task<IActionResult> OnPostCancelAsync(string bookingId) =>
        ChangeAsync("Bookings/CancelBooking.graphql", "cancelBooking", bookingId, "The booking is cancelled.");

    private async Task<IActionResult> ChangeAsync(string document, string field, string bookingId, string done)
    {
        if (OnlyFor(Role.SCHOOL_BOOKER) is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, document, new { input = new { bookingId } });
        var errors = result.Data.GetProperty(field).GetProperty("errors");
        if (errors.GetArrayLength() == 0)
        {
            Flash = done;
            return LocalRedirect("/school/bookings");
        }
        foreach (var error in errors.EnumerateArray())
        {
            // The problem belongs to the booking's row; its buttons are named after the booking.
            Errors.Add($"booking-{bookingId}", error.GetProperty("message").GetString()!);
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        Title = "School bookings";
        var result = await GraphQL.ExecuteAsync(HttpContext, "Bookings/SchoolBookings.graphql");
        School = result.Data.GetProperty("me") is { ValueKind: JsonValueKind.Object } me ? me.GetProperty("school") : default;
        if (School.ValueKind == JsonValueKind.Object)
        {
            Bookings = [.. School.GetProperty("bookings").EnumerateArray()
                .OrderBy(b => b.GetProperty("run").GetProperty("startsAt").GetDateTimeOffset())
                .ThenBy(b => b.GetProperty("staff").GetProperty("name").GetString(), StringComparer.Ordinal)];
        }
        return Page();
    }
}
