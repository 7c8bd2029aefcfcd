using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Who may see and do what in peer review. An ILE manages only the clusters they lead; a
/// school sees its own cluster, the visits it hosts or sends reviewers to, and its own
/// report; reviewers see the visits they are on; commissioners see none of it (their
/// figures come from uptake, which names no one).
/// </summary>
public static class PeerReviewAccess
{
    public static bool Leads(Viewer viewer, Cluster cluster) =>
        viewer.Has(Role.LEADER) && viewer.LeaderId is { } id && cluster.LeaderId == id;

    public static bool MayManage(Viewer? viewer, Cluster cluster) => viewer is not null && (viewer.IsAdmin || Leads(viewer, cluster));

    public static bool MaySee(Viewer? viewer, Cluster cluster) =>
        viewer is not null && (MayManage(viewer, cluster) || cluster.MemberUrns.Any(viewer.ActsFor));

    public static bool MaySee(Viewer? viewer, Cluster cluster, ReviewVisit visit) =>
        viewer is not null && (MayManage(viewer, cluster)
            || viewer.ActsFor(visit.HostUrn)
            || visit.ReviewerSchoolUrns.Any(viewer.ActsFor)
            || (viewer.StaffId is { } staffId && visit.ReviewerStaffIds.Contains(staffId)));

    public static bool MaySeeReport(Viewer? viewer, Cluster cluster, ReviewVisit visit) =>
        viewer is not null && (MayManage(viewer, cluster)
            || viewer.ActsFor(visit.HostUrn)
            || (viewer.StaffId is { } staffId && visit.ReviewerStaffIds.Contains(staffId)));

    /// <summary>The host school's bookers and staff, besides the cluster's leader and admins, submit its self-evaluation and update its actions.</summary>
    public static bool MayActForHost(Viewer? viewer, Cluster cluster, ReviewVisit visit) =>
        viewer is not null && (MayManage(viewer, cluster) || viewer.ActsFor(visit.HostUrn));
}
