namespace InclusionNetwork.Grains.Uptake;

/// <summary>Rates are fractions in [0, 1], null when there is nothing to divide by.</summary>
public static class Rate
{
    public static double? Of(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
