using Orleans;

namespace InclusionNetwork.Grains.Common;

/// <summary>Themes of the inclusion outcomes framework, shared by courses and review visits.</summary>
[GenerateSerializer]
public enum FrameworkArea { CHILD_AND_FAMILY_CENTRED, PROGRESS_IN_EDUCATION, WELLBEING, COMMUNITY, TRANSITIONS_AND_INDEPENDENCE }
