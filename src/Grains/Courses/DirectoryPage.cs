namespace InclusionNetwork.Grains.Courses;

/// <summary>One page of the directory: each course with its sort key (for cursors), whether more follow, and the total.</summary>
public sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> Entries, bool HasNextPage, int TotalCount);

/// <summary>A course on a directory page with the key it was sorted by (opaque to clients, stable across requests).</summary>
public sealed record DirectoryEntry(Course Course, IReadOnlyList<string> SortKey);
