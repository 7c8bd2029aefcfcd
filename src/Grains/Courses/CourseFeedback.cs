using InclusionNetwork.Grains.Uptake;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// What a course's participants said in one academic year, for its provider; the contract's
/// <c>CourseFeedback</c>. No names: the comments are text alone, and none are given when
/// the summary is suppressed, since a handful of comments could be told apart by their authors.
/// </summary>
public sealed record CourseFeedback(EvaluationSummary Summary, IReadOnlyList<string> Comments);
