using System.Globalization;
using InclusionNetwork.Grains.Courses;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>Narrows training and evaluation figures to one strand, one course, or both.</summary>
public sealed record CourseFilter(Strand? Strand = null, long? CourseId = null)
{
    public static readonly CourseFilter None = new();

    /// <summary>Reads a course id as the API writes it (a decimal number).</summary>
    public static CourseFilter For(Strand? strand, string? courseId)
    {
        if (courseId is null)
        {
            return new CourseFilter(strand);
        }
        if (!long.TryParse(courseId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            throw new UptakeArgumentException($"\"{courseId}\" is not a course id.");
        }
        return new CourseFilter(strand, id);
    }
}
