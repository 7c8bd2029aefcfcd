using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// Spec 6.1.2 CoerceVariableValues: the operation's variables from the request's raw values,
/// with defaults applied, and errors worded as graphql-js words them
/// (<c>Variable "$x" of required type "Int!" was not provided.</c>).
/// </summary>
public static class VariableCoercion
{
    /// <summary>graphql-js stops after this many variable errors, as do we.</summary>
    public const int MaxErrors = 50;

    public static IReadOnlyDictionary<string, object?> Coerce(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? inputs,
        List<GraphQLError> errors)
    {
        var coerced = new Dictionary<string, object?>(operation.VariableDefinitions.Count, StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            if (errors.Count >= MaxErrors)
            {
                errors.Add(new GraphQLError(
                    "Too many errors processing variables, error limit reached. Execution aborted.", ErrorCodes.BadUserInput));
                break;
            }

            var name = definition.Variable.Name.Value;
            var typeText = Printer.Print(definition.Type);
            var type = TypeFromSyntax(schema, definition.Type);
            if (type is null || !type.IsInputType)
            {
                errors.Add(new GraphQLError(
                    $"Variable \"${name}\" expected value of type \"{typeText}\" which cannot be used as an input type.",
                    ErrorCodes.BadUserInput,
                    GraphQLError.LocationsOf(definition.Type)));
                continue;
            }

            if (inputs is null || !inputs.TryGetValue(name, out var input))
            {
                if (definition.DefaultValue is { } defaultValue)
                {
                    coerced[name] = LiteralValues.Coerce(defaultValue, type, null);
                }
                else if (type.IsNonNull)
                {
                    errors.Add(new GraphQLError(
                        $"Variable \"${name}\" of required type \"{typeText}\" was not provided.",
                        ErrorCodes.BadUserInput,
                        GraphQLError.LocationsOf(definition)));
                }

                continue;
            }

            if (RuntimeValues.Normalize(input) is null && type.IsNonNull)
            {
                errors.Add(new GraphQLError(
                    $"Variable \"${name}\" of non-null type \"{typeText}\" must not be null.",
                    ErrorCodes.BadUserInput,
                    GraphQLError.LocationsOf(definition)));
                continue;
            }

            var errorCount = errors.Count;
            var value = InputValueCoercion.Coerce(input, type, (path, invalid, message) =>
            {
                var prefix = $"Variable \"${name}\" got invalid value {ValueInspector.Inspect(invalid)}";
                if (path.Count > 0)
                {
                    prefix += $" at \"{name}{InputValueCoercion.PrintPath(path)}\"";
                }

                errors.Add(new GraphQLError(prefix + "; " + message, ErrorCodes.BadUserInput, GraphQLError.LocationsOf(definition)));
            });
            if (errors.Count == errorCount)
            {
                coerced[name] = value;
            }
        }

        return coerced;
    }

    /// <summary>The schema type a type reference names; null when a named type is unknown.</summary>
    public static GraphQLType? TypeFromSyntax(Schema schema, TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => TypeFromSyntax(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        ListTypeNode list => TypeFromSyntax(schema, list.Type) is { } item ? new ListType(item) : null,
        NamedTypeNode named => schema.GetType(named.Name.Value),
        _ => null,
    };
}
