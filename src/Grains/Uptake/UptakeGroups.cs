using InclusionNetwork.Grains.Schools;
using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// The two common table expressions every grouped measure starts from:
/// <c>groups (group_key, group_name, ord)</c>, the dimension, one row per group whether or
/// not it has any school; and <c>open_schools (urn, group_key)</c>, every open school in the
/// <see cref="SchoolScope"/> with its group. Measures LEFT JOIN their facts onto these, so empty groups still show, with
/// zeros.
/// </summary>
/// <remarks>
/// Row order: COUNTY has one row; AREA and DISTRICT follow the reference tables'
/// <c>sort_order</c> (districts are numbered area by area); PHASE and SCHOOL_TYPE follow the
/// enums' declaration order, which is the contract's.
/// </remarks>
internal static class UptakeGroups
{
    public const string County = "County";

    public static string Ctes(Breakdown by, SchoolScope scope = SchoolScope.ALL) => (by switch
    {
        Breakdown.COUNTY => """
            groups AS (SELECT 'County'::text AS group_key, 'County'::text AS group_name, 1::bigint AS ord),
            open_schools AS (SELECT s.urn, 'County'::text AS group_key FROM schools s WHERE s.open)
            """,
        Breakdown.AREA => """
            groups AS (SELECT a.id AS group_key, a.name AS group_name, a.sort_order::bigint AS ord FROM areas a),
            open_schools AS (SELECT s.urn, d.area_id AS group_key FROM schools s JOIN districts d ON d.id = s.district_id WHERE s.open)
            """,
        Breakdown.DISTRICT => """
            groups AS (SELECT d.id AS group_key, d.name AS group_name, d.sort_order::bigint AS ord FROM districts d),
            open_schools AS (SELECT s.urn, s.district_id AS group_key FROM schools s WHERE s.open)
            """,
        Breakdown.PHASE => """
            groups AS (SELECT v AS group_key, v AS group_name, o AS ord FROM unnest(@group_values::text[]) WITH ORDINALITY AS t (v, o)),
            open_schools AS (SELECT s.urn, s.phase AS group_key FROM schools s WHERE s.open)
            """,
        Breakdown.SCHOOL_TYPE => """
            groups AS (SELECT v AS group_key, v AS group_name, o AS ord FROM unnest(@group_values::text[]) WITH ORDINALITY AS t (v, o)),
            open_schools AS (SELECT s.urn, s.school_type AS group_key FROM schools s WHERE s.open)
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "Not a breakdown."),
    }).Replace("WHERE s.open", $"WHERE s.open AND {SchoolScopes.Sql(scope)}", StringComparison.Ordinal);

    /// <summary>Adds the enum names the PHASE and SCHOOL_TYPE dimensions are built from, in declaration order.</summary>
    public static void AddParameters(NpgsqlCommand command, Breakdown by)
    {
        switch (by)
        {
            case Breakdown.PHASE:
                command.Parameters.AddWithValue("group_values", Enum.GetNames<Phase>());
                break;
            case Breakdown.SCHOOL_TYPE:
                command.Parameters.AddWithValue("group_values", Enum.GetNames<SchoolType>());
                break;
        }
    }
}
