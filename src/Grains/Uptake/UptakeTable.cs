namespace InclusionNetwork.Grains.Uptake;

/// <summary>A measure's figures as a table of text cells (a null rate is an empty cell), for download.</summary>
public sealed record UptakeTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
