namespace InclusionNetwork.Grains.Schools;

/// <summary>One row of an establishment extract that could not be mapped, with its line number.</summary>
public sealed record SchoolImportError(int LineNumber, string Message)
{
    public override string ToString() => $"line {LineNumber}: {Message}";
}

/// <summary>The extract was refused as a whole; nothing was written. <see cref="Errors"/> says why, row by row.</summary>
public sealed class SchoolImportException(IReadOnlyList<SchoolImportError> errors)
    : Exception($"The establishment extract was not imported: {errors.Count} row(s) could not be mapped. " + string.Join("; ", errors.Take(10)))
{
    public IReadOnlyList<SchoolImportError> Errors { get; } = errors;
}
