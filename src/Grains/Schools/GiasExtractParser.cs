using System.Text.RegularExpressions;
using CsvHelper;

namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// Turns a "Get Information about Schools" establishment extract (CSV with a header row;
/// extra columns are ignored) into mapped schools, collecting every row's problem rather
/// than stopping at the first, so one pass fixes the whole file.
/// </summary>
public static partial class GiasExtractParser
{
    public static readonly IReadOnlyList<string> RequiredColumns =
    [
        "URN", "EstablishmentName", "TypeOfEstablishment (name)", "PhaseOfEducation (name)",
        "EstablishmentStatus (name)", "DistrictAdministrative (name)", "Postcode",
    ];

    [GeneratedRegex("^[0-9]{6,7}$")]
    private static partial Regex UrnPattern();

    /// <summary>RFC 4180 with commas, as GIAS writes it; line numbers kept so every refusal can name its line.</summary>
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <param name="districtIdsByName">District ids keyed by name (case-insensitive).</param>
    /// <exception cref="SchoolImportException">Any row (or the header) could not be mapped.</exception>
    public static IReadOnlyList<ImportedSchool> Parse(TextReader csv, IReadOnlyDictionary<string, string> districtIdsByName)
    {
        var errors = new List<SchoolImportError>();
        var schools = new List<ImportedSchool>();
        using var records = CsvReader.Create(csv, Options, leaveOpen: true);
        if (!Next(records, errors))
        {
            throw new SchoolImportException(errors.Count > 0 ? errors : [new SchoolImportError(1, "The file is empty: expected a header row.")]);
        }
        var header = Enumerable.Range(0, records.FieldCount).Select(index => (name: records.GetString(index).Trim().TrimStart('\uFEFF'), index))
            .GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().index);
        var missing = RequiredColumns.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new SchoolImportException([new SchoolImportError(1, $"The header lacks the column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}.")]);
        }
        var seen = new Dictionary<string, int>();
        while (Next(records, errors))
        {
            var lineNumber = checked((int)records.LineNumber);
            string Field(string column) => records.GetString(header[column]).Trim();
            var problems = new List<string>();

            var urn = Field("URN");
            if (!UrnPattern().IsMatch(urn))
            {
                problems.Add($"URN '{urn}' is not a 6 or 7 digit number");
            }
            else if (seen.TryGetValue(urn, out var firstLine))
            {
                problems.Add($"URN {urn} appears again (first on line {firstLine})");
            }
            else
            {
                seen[urn] = lineNumber;
            }
            var name = Field("EstablishmentName");
            if (name.Length == 0)
            {
                problems.Add("EstablishmentName is empty");
            }
            var giasType = Field("TypeOfEstablishment (name)");
            var type = GiasMapping.TypeOf(giasType);
            if (type is null)
            {
                problems.Add($"TypeOfEstablishment '{giasType}' has no matching school type");
            }
            var giasPhase = Field("PhaseOfEducation (name)");
            var phase = type is null ? null : GiasMapping.PhaseOf(giasPhase, type.Value);
            if (type is not null && phase is null)
            {
                problems.Add($"PhaseOfEducation '{giasPhase}' has no matching phase");
            }
            var giasStatus = Field("EstablishmentStatus (name)");
            var open = GiasMapping.IsOpen(giasStatus);
            if (open is null)
            {
                problems.Add($"EstablishmentStatus '{giasStatus}' is not a known status");
            }
            var districtName = GiasMapping.CurrentDistrictName(Field("DistrictAdministrative (name)"));
            if (!districtIdsByName.TryGetValue(districtName, out var districtId))
            {
                problems.Add($"DistrictAdministrative '{districtName}' is not a district of the county");
            }
            var postcode = Field("Postcode");

            if (problems.Count > 0)
            {
                errors.Add(new SchoolImportError(lineNumber, string.Join("; ", problems)));
                continue;
            }
            schools.Add(new ImportedSchool(urn, name, phase!.Value, type!.Value, districtId!,
                postcode.Length == 0 ? null : postcode.ToUpperInvariant(), open!.Value, giasType, giasPhase, giasStatus));
        }
        if (errors.Count > 0)
        {
            throw new SchoolImportException(errors);
        }
        return schools;
    }

    /// <summary>
    /// The next record, or false at the end; broken quoting ends the file there, refused with
    /// its line, after the problems of the rows before it.
    /// </summary>
    private static bool Next(CsvReader records, List<SchoolImportError> errors)
    {
        try
        {
            return records.Read();
        }
        catch (CsvFormatException e)
        {
            errors.Add(new SchoolImportError(checked((int)e.LineNumber), $"The CSV cannot be read from here: {e.Message}"));
            return false;
        }
    }
}
