using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Formatting;

namespace InclusionNetwork.Web.Pages.Directory;

/// <summary>The contract's enum values the directory filters on (schema.graphql), in the order the filters list them.</summary>
public static class DirectoryChoices
{
    public static readonly string[] Strands = ["SCHOOL_TO_SCHOOL_SYSTEM", "TARGETED_AND_SPECIALIST", "PROGRESS_AND_OUTCOMES", "EARLY_YEARS"];

    public static readonly string[] Audiences = ["HEADTEACHER", "SENIOR_LEADER", "MIDDLE_LEADER", "SENCO", "TEACHER", "EARLY_CAREER_TEACHER",
        "TEACHING_ASSISTANT", "GOVERNOR", "EARLY_YEARS_PRACTITIONER", "WHOLE_SCHOOL", "PARENT_CARER", "LOCAL_AUTHORITY_STAFF"];

    public static readonly string[] NeedTypes = ["COMMUNICATION_AND_INTERACTION", "COGNITION_AND_LEARNING", "SOCIAL_EMOTIONAL_MENTAL_HEALTH", "SENSORY_AND_PHYSICAL", "WHOLE_SCHOOL"];

    public static readonly string[] FrameworkAreas = ["CHILD_AND_FAMILY_CENTRED", "PROGRESS_IN_EDUCATION", "WELLBEING", "COMMUNITY", "TRANSITIONS_AND_INDEPENDENCE"];

    public static readonly string[] Phases = ["EARLY_YEARS", "PRIMARY", "SECONDARY", "ALL_THROUGH", "POST_16"];

    public static readonly string[] PriorKnowledge = ["INTRODUCTORY", "INTERMEDIATE", "ADVANCED"];

    public static readonly string[] DeliveryModes = ["IN_PERSON", "LIVE_ONLINE", "E_LEARNING", "RECORDED_WEBINAR", "BLENDED"];

    public static readonly string[] Orders = ["SOONEST", "TITLE", "RELEVANCE"];

    public static IEnumerable<Govuk.Option> Options(IEnumerable<string> values) => values.Select(v => new Govuk.Option(v, Format.Label(v)));
}
