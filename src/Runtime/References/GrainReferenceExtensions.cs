namespace InclusionNetwork.Runtime;

public static class GrainReferenceExtensions
{
    /// <summary>The identity a reference from <see cref="IGrainFactory"/> addresses.</summary>
    public static GrainId GetGrainId(this IGrain grain) =>
        grain is GrainReferenceProxy reference
            ? reference.GrainId
            : throw new ArgumentException("Not a grain reference from IGrainFactory.GetGrain.", nameof(grain));
}
