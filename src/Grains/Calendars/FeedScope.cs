using Orleans;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>What a calendar feed follows, as the public contract names it.</summary>
[GenerateSerializer]
public enum FeedScope
{
    /// <summary>The subscriber's own bookings and the review visits they are on.</summary>
    STAFF,

    /// <summary>One school: its staff's bookings, its visits as host or as reviewers' school, its networks' meetings.</summary>
    SCHOOL,

    /// <summary>One peer-review cluster: its visits and meetings.</summary>
    CLUSTER,

    /// <summary>One ILE: the visits and meetings of the clusters they lead.</summary>
    LEADER,
}
