namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Training in one group of open schools; the contract's <c>TrainingUptake</c>. The completion
/// rate is over runs that have ended only, so runs still under way do not drag it down.
/// </summary>
public sealed record TrainingUptake(
    string Group,
    int Schools,
    int SchoolsEngaged,
    int Bookings,
    int Completions,
    int BookingsOnEndedRuns,
    int CompletionsOnEndedRuns)
{
    public double? CompletionRate => Rate.Of(CompletionsOnEndedRuns, BookingsOnEndedRuns);

    public double? EngagementRate => Rate.Of(SchoolsEngaged, Schools);
}
