using System.Globalization;
using InclusionNetwork.Grains.Courses;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Narrows training and evaluation figures to one strand, one course, courses for one area of
/// need, or the free core offer only; any of them together.
/// </summary>
public sealed record CourseFilter(Strand? Strand = null, long? CourseId = null, NeedType? NeedType = null, bool CoreOfferOnly = false)
{
    public static readonly CourseFilter None = new();

    /// <summary>Reads a course id as the API writes it (a decimal number).</summary>
    public static CourseFilter For(Strand? strand, string? courseId, NeedType? needType = null, bool coreOfferOnly = false)
    {
        if (courseId is null)
        {
            return new CourseFilter(strand, null, needType, coreOfferOnly);
        }
        if (!long.TryParse(courseId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            throw new UptakeArgumentException($"\"{courseId}\" is not a course id.");
        }
        return new CourseFilter(strand, id, needType, coreOfferOnly);
    }
}
