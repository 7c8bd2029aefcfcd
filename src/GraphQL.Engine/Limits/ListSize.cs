using System.Globalization;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Limits;

/// <summary>
/// How many items a list field without a page size argument may return, as the schema
/// declares it with <c>@listSize(assumedSize: 600)</c> on the field. The cost analysis
/// multiplies by it, so nesting unpaged lists (districts, their schools, each school's
/// district, its schools...) is costed at the size the data really has, not at
/// <see cref="RequestLimits.DefaultListSize"/>.
/// </summary>
public static class ListSize
{
    public const string DirectiveName = "listSize";

    /// <summary>The directive's definition, for a schema's SDL.</summary>
    public const string DirectiveSdl = """
        "The most items this list returns, for the request cost limit; lists with a page size argument are costed by that instead."
        directive @listSize(assumedSize: Int!) on FIELD_DEFINITION
        """;

    /// <summary>The field's declared <c>assumedSize</c>, or null when it declares none.</summary>
    public static int? Of(FieldDefinition field)
    {
        foreach (var directive in field.AppliedDirectives)
        {
            if (directive.Name.Value != DirectiveName)
            {
                continue;
            }

            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "assumedSize" && argument.Value is IntValueNode size &&
                    int.TryParse(size.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    return Math.Max(value, 0);
                }
            }
        }

        return null;
    }
}
