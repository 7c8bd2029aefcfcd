using Orleans;

namespace InclusionNetwork.Grains.Networks;

[GenerateSerializer]
public enum NetworkKind
{
    PEER_REVIEW_CLUSTER, LOCALITY_CLUSTER, SENCO_FORUM, LIFT_FORUM, LIFT_EXECUTIVE,
    INCLUSION_STEERING_GROUP, HEADTEACHER_AREA_BOARD, ILE_GROUP, OTHER,
}
