namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Post-course evaluations and follow-ups; the contract's <c>EvaluationSummary</c>. Below
/// <see cref="MinimumResponses"/> responses every rate is withheld, so no one's answers can
/// be read off. The counts of responses and follow-ups are still given: they say how many
/// people answered, not what anyone answered, and explain why the rates are missing.
/// </summary>
public sealed record EvaluationSummary(
    int Responses,
    int GoodOrExcellent,
    int ImprovedKnowledge,
    int ImprovedConfidence,
    int FollowUps,
    int Implemented)
{
    public const int MinimumResponses = 5;

    public bool Suppressed => Responses < MinimumResponses;

    public double? GoodOrExcellentRate => Suppressed ? null : Rate.Of(GoodOrExcellent, Responses);

    public double? ImprovedKnowledgeRate => Suppressed ? null : Rate.Of(ImprovedKnowledge, Responses);

    public double? ImprovedConfidenceRate => Suppressed ? null : Rate.Of(ImprovedConfidence, Responses);

    public double? ImplementedRate => Suppressed ? null : Rate.Of(Implemented, FollowUps);
}
