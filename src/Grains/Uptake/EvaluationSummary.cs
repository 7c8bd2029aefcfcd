namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Post-course evaluations and follow-ups; the contract's <c>EvaluationSummary</c>. Below
/// <see cref="MinimumResponses"/> responses every rate is withheld, so no one's answers can
/// be read off; <paramref name="Withheld"/> withholds them too when the figure must be hidden
/// so that another's cannot be worked out by subtraction (see <see cref="EvaluationSuppression"/>).
/// The counts of responses and follow-ups are still given: they say how many people answered,
/// not what anyone answered, and explain why the rates are missing.
/// </summary>
public sealed record EvaluationSummary(
    int Responses,
    int GoodOrExcellent,
    int ImprovedKnowledge,
    int ImprovedConfidence,
    int FollowUps,
    int Implemented,
    bool Withheld = false)
{
    public const int MinimumResponses = 5;

    public bool Suppressed => Withheld || Responses < MinimumResponses;

    public double? GoodOrExcellentRate => Suppressed ? null : Rate.Of(GoodOrExcellent, Responses);

    public double? ImprovedKnowledgeRate => Suppressed ? null : Rate.Of(ImprovedKnowledge, Responses);

    public double? ImprovedConfidenceRate => Suppressed ? null : Rate.Of(ImprovedConfidence, Responses);

    public double? ImplementedRate => Suppressed ? null : Rate.Of(Implemented, FollowUps);

    /// <summary>True when the summary holds anyone's answer, so hiding it hides something.</summary>
    public bool HasAnswers => Responses > 0 || FollowUps > 0;
}

/// <summary>One group of <c>evaluationsBy</c>; <paramref name="Parent"/> is the area of a district (null otherwise).</summary>
public sealed record EvaluationGroup(string Group, EvaluationSummary Summary, string? Parent = null);
