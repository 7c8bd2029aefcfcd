using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// One booking or visit as a calendar file to import (METHOD:PUBLISH), for the person looking at
/// its page. The events carry the same UIDs as in the feeds, so importing one never duplicates
/// what a subscription already shows.
/// </summary>
public sealed class CalendarDownloads(BookingFeedQuery bookings, VisitFeedQuery visits)
{
    /// <summary>
    /// The booking's sessions, for its member of staff, their school's users, the course's provider
    /// and admins; null when the booking does not exist, is not the viewer's to see, or never
    /// held a place (a waiting-list entry has nothing to put in a calendar).
    /// </summary>
    public async Task<FeedDocument?> BookingAsync(Viewer viewer, long bookingId, CancellationToken cancellationToken = default)
    {
        var parties = await bookings.FindPartiesAsync(bookingId, cancellationToken);
        if (parties is null || !MaySeeBooking(viewer, parties))
        {
            return null;
        }
        var events = await bookings.ForStaffAsync(parties.StaffId, cancelledSince: null, parties.RunId, cancellationToken);
        return events.Count == 0 ? null : Single(events);
    }

    /// <summary>
    /// The visit, for its host school's users, its reviewers and their schools' users, the cluster's
    /// ILE and admins; null when the visit does not exist, is not the viewer's to see, or has no date yet.
    /// </summary>
    public async Task<FeedDocument?> VisitAsync(Viewer viewer, long visitId, CancellationToken cancellationToken = default)
    {
        var parties = await visits.FindPartiesAsync(visitId, cancellationToken);
        if (parties is null || !MaySeeVisit(viewer, parties))
        {
            return null;
        }
        var leads = viewer.LeaderId is { } leader && (leader == parties.ClusterLeaderId || leader == parties.VisitLeaderId);
        var naming = viewer.IsAdmin || leads ? ReviewerNaming.Everyone : ReviewerNaming.Of(viewer.SchoolUrn);
        var events = await visits.ForVisitAsync(visitId, naming, cancellationToken);
        return events.Count == 0 ? null : Single(events);
    }

    private static bool MaySeeVisit(Viewer viewer, VisitParties parties) =>
        viewer.ActsFor(parties.HostUrn)
        || (viewer.StaffId is { } staffId && parties.ReviewerStaffIds.Contains(staffId))
        || parties.ReviewerSchools.Any(viewer.ActsFor)
        || (viewer.LeaderId is { } leaderId && (leaderId == parties.ClusterLeaderId || leaderId == parties.VisitLeaderId));

    private static bool MaySeeBooking(Viewer viewer, BookingParties parties) =>
        viewer.StaffId == parties.StaffId
        || viewer.ActsFor(parties.SchoolUrn)
        || (viewer.Has(Role.PROVIDER) && viewer.AccountId == parties.ProviderAccountId);

    private static FeedDocument Single(IReadOnlyList<FeedEvent> events) => new()
    {
        ProdId = CalendarFeedRenderer.ProdId,
        // PUBLISH: a copy to import, not an invitation to answer (RFC 5546 3.2.1).
        Method = "PUBLISH",
        Events = events,
    };
}
