using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Schools;
using static InclusionNetwork.Grains.Courses.Audience;
using static InclusionNetwork.Grains.Common.FrameworkArea;
using static InclusionNetwork.Grains.Courses.NeedType;

namespace InclusionNetwork.Silo.DemoData;

/// <summary>
/// The county's core offer as the demo directory shows it: what each course is, and how its
/// runs are shaped (sessions per run, runs per year, places).
/// </summary>
internal static class DemoCourses
{
    public const string TrainingTeam = "County Inclusion Training Team";
    public const string SpecialistTeaching = "Specialist Teaching and Learning Service";
    public const string EarlyYears = "Early Years and Childcare Inclusion Service";
    public const string EducationalPsychology = "Educational Psychology Service";

    /// <summary>A demo course and the shape of its runs (none for e-learning and recorded webinars).</summary>
    public sealed record Entry(
        string Title, string Summary, string Provider, Strand Strand, bool CoreOffer, Audience[] Audiences, string ExpectedImpact,
        PriorKnowledge PriorKnowledge, FrameworkArea[] FrameworkAreas, NeedType[] NeedTypes, Phase[] Phases, DeliveryMode DeliveryMode,
        int PricePence, double FundedReleaseDays, LeadershipLevel? LeadershipLevel, int SessionsPerRun, int RunsPerYear, int Capacity,
        int? MaxPlacesPerSchool = null);

    private static readonly Phase[] Schools = [Phase.PRIMARY, Phase.SECONDARY, Phase.ALL_THROUGH, Phase.POST_16];
    private static readonly Phase[] AllPhases = [Phase.EARLY_YEARS, Phase.PRIMARY, Phase.SECONDARY, Phase.ALL_THROUGH, Phase.POST_16];

    public static readonly Entry[] All =
    [
        // School-to-school system
        new("Inclusion Leadership: middle leaders",
            "The middle-leader level of the Inclusion Leader Development Programme: leading inclusive practice in a team or department, using data on pupils with SEND and coaching colleagues.",
            TrainingTeam, Strand.SCHOOL_TO_SCHOOL_SYSTEM, true, [MIDDLE_LEADER, SENCO], "Middle leaders lead measurable improvements in inclusive teaching across their team.",
            PriorKnowledge.INTERMEDIATE, [PROGRESS_IN_EDUCATION, CHILD_AND_FAMILY_CENTRED], [NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.BLENDED,
            0, 2, LeadershipLevel.MIDDLE, 4, 3, 24, 2),
        new("Inclusion Leadership: senior leaders",
            "The senior-leader level of the Inclusion Leader Development Programme: shaping a whole-school culture of inclusion, self-evaluation against the inclusion framework and strategic planning.",
            TrainingTeam, Strand.SCHOOL_TO_SCHOOL_SYSTEM, true, [SENIOR_LEADER, SENCO], "Senior leaders set and monitor a whole-school inclusion strategy.",
            PriorKnowledge.ADVANCED, [PROGRESS_IN_EDUCATION, COMMUNITY, WELLBEING], [NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.BLENDED,
            0, 2, LeadershipLevel.SENIOR, 4, 2, 20, 2),
        new("Inclusion Leadership: headteachers and executive leaders",
            "The headteacher and executive level of the Inclusion Leader Development Programme: system leadership of inclusion across schools and trusts, peer review and accountability.",
            TrainingTeam, Strand.SCHOOL_TO_SCHOOL_SYSTEM, true, [HEADTEACHER], "Heads lead inclusion beyond their own school and hold it to account through peer review.",
            PriorKnowledge.ADVANCED, [COMMUNITY, PROGRESS_IN_EDUCATION], [NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.IN_PERSON,
            0, 1.5, LeadershipLevel.HEADTEACHER_EXECUTIVE, 3, 2, 16, 1),
        new("Peer Review training",
            "How inclusion peer review works between clusters of schools: the self-evaluation, the review visit, writing the report and the impact review twelve weeks later.",
            TrainingTeam, Strand.SCHOOL_TO_SCHOOL_SYSTEM, true, [HEADTEACHER, SENIOR_LEADER, SENCO], "Reviewers and hosts run visits that lead to agreed, followed-up actions.",
            PriorKnowledge.INTERMEDIATE, [PROGRESS_IN_EDUCATION, COMMUNITY], [NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.IN_PERSON,
            0, 1, null, 1, 4, 30, 3),
        new("Inclusive Practices",
            "Practical strategies for adaptive teaching so that pupils with SEND learn alongside their peers: scaffolding, the learning environment and working with teaching assistants.",
            TrainingTeam, Strand.SCHOOL_TO_SCHOOL_SYSTEM, true, [TEACHER, TEACHING_ASSISTANT, Audience.WHOLE_SCHOOL], "Teachers adapt lessons so more pupils with SEND learn in the classroom.",
            PriorKnowledge.INTRODUCTORY, [PROGRESS_IN_EDUCATION, WELLBEING], [COGNITION_AND_LEARNING, NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.IN_PERSON,
            0, 0.5, null, 1, 5, 30),
        new("ILE training: Inclusion Leaders of Education",
            "Induction and ongoing training for Inclusion Leaders of Education: leading a peer-review cluster, facilitating visits and supporting schools' action plans.",
            TrainingTeam, Strand.SCHOOL_TO_SCHOOL_SYSTEM, true, [HEADTEACHER, SENIOR_LEADER, LOCAL_AUTHORITY_STAFF], "ILEs lead clusters whose reviews improve inclusion.",
            PriorKnowledge.ADVANCED, [COMMUNITY, PROGRESS_IN_EDUCATION], [NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.IN_PERSON,
            0, 1, null, 2, 1, 16),
        new("Governor training on the inclusion framework",
            "What governors should ask about inclusion: the inclusion outcomes framework, SEND data, the SEN information report and holding leaders to account.",
            TrainingTeam, Strand.SCHOOL_TO_SCHOOL_SYSTEM, true, [GOVERNOR], "Governing boards challenge and support their school's inclusion work.",
            PriorKnowledge.INTRODUCTORY, [CHILD_AND_FAMILY_CENTRED, COMMUNITY], [NeedType.WHOLE_SCHOOL], AllPhases, DeliveryMode.LIVE_ONLINE,
            0, 0, null, 1, 3, 40),
        new("Inclusion for early career teachers",
            "Meeting the needs of pupils with SEND in the first years of teaching: the graduated approach, working with the SENCO and high-quality teaching for all.",
            TrainingTeam, Strand.SCHOOL_TO_SCHOOL_SYSTEM, true, [EARLY_CAREER_TEACHER], "Early career teachers plan lessons that include pupils with SEND from the start.",
            PriorKnowledge.INTRODUCTORY, [PROGRESS_IN_EDUCATION], [COGNITION_AND_LEARNING, NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.IN_PERSON,
            0, 0.5, null, 2, 4, 30),

        // Targeted and specialist
        new("Specialist Teaching core offer",
            "The Specialist Teaching and Learning Service's core training: identifying needs early, the graduated approach, assess-plan-do-review and when to ask for specialist support.",
            SpecialistTeaching, Strand.TARGETED_AND_SPECIALIST, true, [SENCO, TEACHER, TEACHING_ASSISTANT], "Schools meet more needs at SEN support without waiting for a specialist.",
            PriorKnowledge.INTRODUCTORY, [PROGRESS_IN_EDUCATION], [COGNITION_AND_LEARNING, COMMUNICATION_AND_INTERACTION, SENSORY_AND_PHYSICAL], Schools, DeliveryMode.IN_PERSON,
            0, 0.5, null, 1, 4, 30),
        new("The SPELL framework for autistic pupils",
            "Structure, positive approaches, empathy, low arousal and links: the SPELL framework applied to classrooms, transitions and unstructured times.",
            SpecialistTeaching, Strand.TARGETED_AND_SPECIALIST, true, [TEACHER, TEACHING_ASSISTANT, SENCO], "Autistic pupils experience calmer, more predictable school days.",
            PriorKnowledge.INTRODUCTORY, [WELLBEING, TRANSITIONS_AND_INDEPENDENCE], [COMMUNICATION_AND_INTERACTION], AllPhases, DeliveryMode.IN_PERSON,
            0, 0.5, null, 1, 4, 25, 3),
        new("Attachment theory in the classroom",
            "How early relationships shape behaviour and learning, and attachment-aware strategies for key adults, routines and repair.",
            EducationalPsychology, Strand.TARGETED_AND_SPECIALIST, true, [TEACHER, TEACHING_ASSISTANT, SENCO], "Staff respond to distressed behaviour with relationships rather than sanctions.",
            PriorKnowledge.INTRODUCTORY, [WELLBEING, CHILD_AND_FAMILY_CENTRED], [SOCIAL_EMOTIONAL_MENTAL_HEALTH], AllPhases, DeliveryMode.LIVE_ONLINE,
            0, 0, null, 1, 3, 40),
        new("Trauma-informed approaches and adverse childhood experiences",
            "Understanding adverse childhood experiences (ACEs) and trauma, and building a trauma-informed school: regulation, safety and trusted adults.",
            EducationalPsychology, Strand.TARGETED_AND_SPECIALIST, true, [Audience.WHOLE_SCHOOL, SENCO, SENIOR_LEADER], "Schools reduce exclusions of pupils affected by trauma.",
            PriorKnowledge.INTERMEDIATE, [WELLBEING, CHILD_AND_FAMILY_CENTRED], [SOCIAL_EMOTIONAL_MENTAL_HEALTH], AllPhases, DeliveryMode.IN_PERSON,
            0, 1, null, 2, 3, 30),
        new("Whole-school Nurture",
            "Nurture groups and a whole-school nurturing approach built on the six principles of nurture, with the Boxall Profile to plan and measure.",
            EducationalPsychology, Strand.TARGETED_AND_SPECIALIST, true, [Audience.WHOLE_SCHOOL, TEACHING_ASSISTANT, SENCO], "Pupils in nurture provision re-engage with learning and attend more.",
            PriorKnowledge.INTERMEDIATE, [WELLBEING, PROGRESS_IN_EDUCATION], [SOCIAL_EMOTIONAL_MENTAL_HEALTH, NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.IN_PERSON,
            0, 1.5, null, 3, 2, 20, 2),
        new("The Balanced System for schools: speech, language and communication",
            "The Balanced System scheme for schools: a whole-school, evidence-based framework for supporting speech, language and communication needs at universal, targeted and specialist levels.",
            SpecialistTeaching, Strand.TARGETED_AND_SPECIALIST, true, [SENCO, TEACHER, TEACHING_ASSISTANT], "More pupils with speech, language and communication needs are identified and supported early.",
            PriorKnowledge.INTERMEDIATE, [PROGRESS_IN_EDUCATION, COMMUNITY], [COMMUNICATION_AND_INTERACTION], AllPhases, DeliveryMode.BLENDED,
            0, 1, null, 2, 3, 24),
        new("Supported Employment",
            "Preparing young people with SEND for work: job coaching, supported internships, employer engagement and the preparing-for-adulthood outcomes.",
            SpecialistTeaching, Strand.TARGETED_AND_SPECIALIST, true, [SENCO, TEACHER, LOCAL_AUTHORITY_STAFF], "More young people with SEND move into paid employment.",
            PriorKnowledge.INTERMEDIATE, [TRANSITIONS_AND_INDEPENDENCE, COMMUNITY], [COGNITION_AND_LEARNING, NeedType.WHOLE_SCHOOL], [Phase.SECONDARY, Phase.POST_16, Phase.ALL_THROUGH], DeliveryMode.IN_PERSON,
            0, 1, null, 2, 2, 20),
        new("Emotional Literacy Support (ELSA)",
            "Training teaching assistants as emotional literacy support assistants: feelings, self-esteem, social skills and planning short programmes of support, with supervision.",
            // Schools pay for ELSA places: it is not part of the free core offer.
            EducationalPsychology, Strand.TARGETED_AND_SPECIALIST, false, [TEACHING_ASSISTANT], "Pupils with emotional needs get timely, skilled support in school.",
            PriorKnowledge.INTRODUCTORY, [WELLBEING], [SOCIAL_EMOTIONAL_MENTAL_HEALTH], Schools, DeliveryMode.IN_PERSON,
            15000, 3, null, 6, 2, 20, 1),
        new("Mainstream Core Standards training",
            "The county's Mainstream Core Standards: what every mainstream school is expected to provide for pupils with SEND, and how to evidence it.",
            TrainingTeam, Strand.TARGETED_AND_SPECIALIST, true, [SENCO, SENIOR_LEADER, TEACHER], "Schools evidence the core standards and close gaps in ordinary provision.",
            PriorKnowledge.INTRODUCTORY, [PROGRESS_IN_EDUCATION, CHILD_AND_FAMILY_CENTRED], [NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.LIVE_ONLINE,
            0, 0, null, 1, 4, 50),

        // Progress and outcomes
        new("SEND learning behaviours",
            "Developing the learning behaviours that help pupils with SEND make progress: attention, independence, resilience and metacognition.",
            TrainingTeam, Strand.PROGRESS_AND_OUTCOMES, true, [TEACHER, TEACHING_ASSISTANT], "Pupils with SEND work more independently in lessons.",
            PriorKnowledge.INTRODUCTORY, [PROGRESS_IN_EDUCATION, TRANSITIONS_AND_INDEPENDENCE], [COGNITION_AND_LEARNING], Schools, DeliveryMode.IN_PERSON,
            0, 0.5, null, 1, 3, 30),
        new("Engaging with parents and carers",
            "Working in partnership with families of children with SEND: person-centred reviews, difficult conversations and co-producing support.",
            TrainingTeam, Strand.PROGRESS_AND_OUTCOMES, true, [SENCO, TEACHER, SENIOR_LEADER], "Parents and carers report feeling heard and involved in planning.",
            PriorKnowledge.INTRODUCTORY, [CHILD_AND_FAMILY_CENTRED, COMMUNITY], [NeedType.WHOLE_SCHOOL], AllPhases, DeliveryMode.LIVE_ONLINE,
            0, 0, null, 1, 3, 40),
        new("Improving progress and attainment for pupils with SEND",
            "Using assessment and data to raise attainment of pupils with SEND: small steps of progress, targeted interventions and measuring their impact.",
            TrainingTeam, Strand.PROGRESS_AND_OUTCOMES, true, [SENCO, MIDDLE_LEADER, SENIOR_LEADER], "Gaps in attainment between pupils with SEND and their peers narrow.",
            PriorKnowledge.INTERMEDIATE, [PROGRESS_IN_EDUCATION], [COGNITION_AND_LEARNING, NeedType.WHOLE_SCHOOL], Schools, DeliveryMode.IN_PERSON,
            0, 1, null, 2, 2, 24),

        // Early years (free)
        new("SENCO training for the new early-years SENCO",
            "Everything a newly appointed early-years SENCO needs: the SEND code of practice in the early years, the graduated approach and funding.",
            EarlyYears, Strand.EARLY_YEARS, true, [EARLY_YEARS_PRACTITIONER, SENCO], "New early-years SENCOs identify and plan for children's needs with confidence.",
            PriorKnowledge.INTRODUCTORY, [CHILD_AND_FAMILY_CENTRED, TRANSITIONS_AND_INDEPENDENCE], [NeedType.WHOLE_SCHOOL], [Phase.EARLY_YEARS], DeliveryMode.IN_PERSON,
            0, 1, null, 2, 3, 24, 2),
        new("A practical guide for early-years SENCOs",
            "Practical tools for early-years SENCOs: observation, SEN support plans, working with health visitors and preparing for transition to school.",
            EarlyYears, Strand.EARLY_YEARS, true, [EARLY_YEARS_PRACTITIONER, SENCO], "Children with SEND move on to school with plans that follow them.",
            PriorKnowledge.INTERMEDIATE, [TRANSITIONS_AND_INDEPENDENCE, CHILD_AND_FAMILY_CENTRED], [NeedType.WHOLE_SCHOOL], [Phase.EARLY_YEARS], DeliveryMode.LIVE_ONLINE,
            0, 0, null, 1, 3, 40),
        new("Prime areas: communication and language",
            "Supporting communication and language in the early years: attention and listening, understanding, speaking, and spotting delay early.",
            EarlyYears, Strand.EARLY_YEARS, true, [EARLY_YEARS_PRACTITIONER], "More children reach the expected level in communication and language.",
            PriorKnowledge.INTRODUCTORY, [PROGRESS_IN_EDUCATION], [COMMUNICATION_AND_INTERACTION], [Phase.EARLY_YEARS], DeliveryMode.IN_PERSON,
            0, 0.5, null, 1, 3, 30),
        new("Prime areas: physical development",
            "Gross and fine motor development in the early years, sensory needs and adapting the environment for children with physical needs.",
            EarlyYears, Strand.EARLY_YEARS, true, [EARLY_YEARS_PRACTITIONER], "Children with physical and sensory needs take part fully in play.",
            PriorKnowledge.INTRODUCTORY, [WELLBEING, PROGRESS_IN_EDUCATION], [SENSORY_AND_PHYSICAL], [Phase.EARLY_YEARS], DeliveryMode.IN_PERSON,
            0, 0.5, null, 1, 2, 30),
        new("Prime areas: personal, social and emotional development",
            "Self-regulation, relationships and emotional well-being in the early years, and co-regulation strategies for key persons.",
            EarlyYears, Strand.EARLY_YEARS, true, [EARLY_YEARS_PRACTITIONER], "Children manage feelings and relationships better in their setting.",
            PriorKnowledge.INTRODUCTORY, [WELLBEING], [SOCIAL_EMOTIONAL_MENTAL_HEALTH], [Phase.EARLY_YEARS], DeliveryMode.IN_PERSON,
            0, 0.5, null, 1, 2, 30),
        new("E-learning: writing your local offer",
            "A self-paced module on writing the setting's SEN information for the local offer, so families can find what support is available.",
            EarlyYears, Strand.EARLY_YEARS, true, [EARLY_YEARS_PRACTITIONER, SENCO], "Families can find clear information about each setting's SEND support.",
            PriorKnowledge.INTRODUCTORY, [CHILD_AND_FAMILY_CENTRED, COMMUNITY], [NeedType.WHOLE_SCHOOL], [Phase.EARLY_YEARS], DeliveryMode.E_LEARNING,
            0, 0, null, 0, 0, 0),
        new("Recorded webinar: an introduction to best practice guidance",
            "A recorded webinar introducing the county's best practice guidance for early-years settings supporting children with SEND.",
            EarlyYears, Strand.EARLY_YEARS, true, [EARLY_YEARS_PRACTITIONER], "Settings use the guidance to review their inclusive practice.",
            PriorKnowledge.INTRODUCTORY, [CHILD_AND_FAMILY_CENTRED], [NeedType.WHOLE_SCHOOL], [Phase.EARLY_YEARS], DeliveryMode.RECORDED_WEBINAR,
            0, 0, null, 0, 0, 0),
        new("Recorded webinar: bereavement and loss",
            "A recorded webinar on supporting young children through bereavement and loss, and where to find further help.",
            EarlyYears, Strand.EARLY_YEARS, true, [EARLY_YEARS_PRACTITIONER], "Practitioners support grieving children with confidence.",
            PriorKnowledge.INTRODUCTORY, [WELLBEING, CHILD_AND_FAMILY_CENTRED], [SOCIAL_EMOTIONAL_MENTAL_HEALTH], [Phase.EARLY_YEARS], DeliveryMode.RECORDED_WEBINAR,
            0, 0, null, 0, 0, 0),
    ];

    /// <summary>The staff roles a course's audiences name (whole-school courses are for anyone).</summary>
    public static bool IsFor(Entry course, StaffRole role) => course.Audiences.Any(a => a switch
    {
        HEADTEACHER => role is StaffRole.HEADTEACHER or StaffRole.EXECUTIVE_HEADTEACHER,
        SENIOR_LEADER => role == StaffRole.SENIOR_LEADER,
        MIDDLE_LEADER => role == StaffRole.MIDDLE_LEADER,
        SENCO => role == StaffRole.SENCO,
        TEACHER => role == StaffRole.TEACHER,
        EARLY_CAREER_TEACHER => role == StaffRole.EARLY_CAREER_TEACHER,
        TEACHING_ASSISTANT => role == StaffRole.TEACHING_ASSISTANT,
        GOVERNOR => role == StaffRole.GOVERNOR,
        EARLY_YEARS_PRACTITIONER => role == StaffRole.EARLY_YEARS_PRACTITIONER,
        Audience.WHOLE_SCHOOL => role != StaffRole.GOVERNOR,
        _ => false,
    });
}
