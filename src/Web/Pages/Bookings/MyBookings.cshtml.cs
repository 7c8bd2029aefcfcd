using System.Text.Json;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Bookings;

/// <summary>Anyone's own bookings (as a member of staff), soonest first, with the feedback still due.</summary>
public sealed class MyBookingsModel : InclusionPage
{
    public IReadOnlyList<JsonElement> Bookings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (OnlyFor() is { } refused)
        {
            return refused;
        }
        Title = "My bookings";
        var result = await GraphQL.ExecuteAsync(HttpContext, "Bookings/MyBookings.graphql");
        Bookings = result.Data.GetProperty("me") is { ValueKind: JsonValueKind.Object } me
            ? [.. me.GetProperty("bookings").EnumerateArray().OrderBy(b => b.GetProperty("run").GetProperty("startsAt").GetDateTimeOffset())]
            : [];
        return Page();
    }
}
