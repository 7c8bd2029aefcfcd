using InclusionNetwork.Grains.Common;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>A framework area and how many of a cluster's member schools chose it as a focus of their visit.</summary>
public sealed record ClusterPriority(FrameworkArea Area, int Schools);
