using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Introspection;

/// <summary>
/// How the fields of spec section 4.2 read the type system: <c>__schema</c> and <c>__type</c>
/// on the query root, and the fields of <c>__Schema</c>, <c>__Type</c>, <c>__Field</c>,
/// <c>__InputValue</c>, <c>__EnumValue</c> and <c>__Directive</c>, whose parent values are the
/// engine's own <see cref="Schema"/>, <see cref="GraphQLType"/>, <see cref="FieldDefinition"/>,
/// <see cref="InputValueDefinition"/>, <see cref="EnumValueDefinition"/> and
/// <see cref="DirectiveDefinition"/>. Fields without arguments are plain accessors, so
/// introspection allocates no resolver context for them.
/// </summary>
internal static class IntrospectionResolvers
{
    public static bool TryGet(
        Schema schema,
        ObjectType parentType,
        FieldDefinition field,
        out Func<object, object?>? accessor,
        out FieldResolver? resolver)
    {
        accessor = null;
        resolver = null;
        if (ReferenceEquals(field, schema.SchemaMetaField))
        {
            accessor = _ => schema;
            return true;
        }

        if (ReferenceEquals(field, schema.TypeMetaField))
        {
            resolver = context => new ValueTask<object?>(
                context.Arguments.TryGetValue("name", out var name) && name is string typeName ? schema.GetType(typeName) : null);
            return true;
        }

        if (!parentType.IsIntrospectionType)
        {
            return false;
        }

        switch (parentType.Name, field.Name)
        {
            case ("__Schema", "description"): accessor = s => ((Schema)s).Description; break;
            case ("__Schema", "types"): accessor = s => ((Schema)s).Types.Values; break;
            case ("__Schema", "queryType"): accessor = s => ((Schema)s).QueryType; break;
            case ("__Schema", "mutationType"): accessor = s => ((Schema)s).MutationType; break;
            case ("__Schema", "subscriptionType"): accessor = s => ((Schema)s).SubscriptionType; break;
            case ("__Schema", "directives"): accessor = s => ((Schema)s).Directives.Values; break;

            case ("__Type", "kind"): accessor = t => KindName(((GraphQLType)t).Kind); break;
            case ("__Type", "name"): accessor = t => (t as NamedType)?.Name; break;
            case ("__Type", "description"): accessor = t => (t as NamedType)?.Description; break;
            case ("__Type", "specifiedByURL"): accessor = t => (t as ScalarType)?.SpecifiedByUrl; break;
            case ("__Type", "fields"): resolver = TypeFields; break;
            case ("__Type", "interfaces"): accessor = t => (t as ComplexType)?.Interfaces; break;
            case ("__Type", "possibleTypes"):
                accessor = t => t is UnionType or InterfaceType ? schema.GetPossibleTypes((NamedType)t) : null;
                break;
            case ("__Type", "enumValues"): resolver = TypeEnumValues; break;
            case ("__Type", "inputFields"): resolver = TypeInputFields; break;
            case ("__Type", "ofType"):
                accessor = t => t switch
                {
                    ListType list => list.OfType,
                    NonNullType nonNull => nonNull.OfType,
                    _ => null,
                };
                break;
            case ("__Type", "isOneOf"): accessor = t => t is InputObjectType input ? input.IsOneOf : null; break;

            case ("__Field", "name"): accessor = f => ((FieldDefinition)f).Name; break;
            case ("__Field", "description"): accessor = f => ((FieldDefinition)f).Description; break;
            case ("__Field", "args"):
                resolver = context => new ValueTask<object?>(
                    WithoutDeprecated(((FieldDefinition)context.Source!).Arguments.Values, IncludeDeprecated(context)));
                break;
            case ("__Field", "type"): accessor = f => ((FieldDefinition)f).Type; break;
            case ("__Field", "isDeprecated"): accessor = f => ((FieldDefinition)f).IsDeprecated; break;
            case ("__Field", "deprecationReason"): accessor = f => ((FieldDefinition)f).DeprecationReason; break;

            case ("__InputValue", "name"): accessor = v => ((InputValueDefinition)v).Name; break;
            case ("__InputValue", "description"): accessor = v => ((InputValueDefinition)v).Description; break;
            case ("__InputValue", "type"): accessor = v => ((InputValueDefinition)v).Type; break;
            case ("__InputValue", "defaultValue"):
                accessor = v => ((InputValueDefinition)v).DefaultValue is { } literal ? Printer.Print(literal) : null;
                break;
            case ("__InputValue", "isDeprecated"): accessor = v => ((InputValueDefinition)v).IsDeprecated; break;
            case ("__InputValue", "deprecationReason"): accessor = v => ((InputValueDefinition)v).DeprecationReason; break;

            case ("__EnumValue", "name"): accessor = v => ((EnumValueDefinition)v).Name; break;
            case ("__EnumValue", "description"): accessor = v => ((EnumValueDefinition)v).Description; break;
            case ("__EnumValue", "isDeprecated"): accessor = v => ((EnumValueDefinition)v).IsDeprecated; break;
            case ("__EnumValue", "deprecationReason"): accessor = v => ((EnumValueDefinition)v).DeprecationReason; break;

            case ("__Directive", "name"): accessor = d => ((DirectiveDefinition)d).Name; break;
            case ("__Directive", "description"): accessor = d => ((DirectiveDefinition)d).Description; break;
            case ("__Directive", "isRepeatable"): accessor = d => ((DirectiveDefinition)d).IsRepeatable; break;
            case ("__Directive", "locations"): accessor = d => ((DirectiveDefinition)d).Locations; break;
            case ("__Directive", "args"):
                resolver = context => new ValueTask<object?>(
                    WithoutDeprecated(((DirectiveDefinition)context.Source!).Arguments.Values, IncludeDeprecated(context)));
                break;
            default:
                return false;
        }

        return true;
    }

    private static ValueTask<object?> TypeFields(IResolverContext context)
    {
        if (context.Source is not ComplexType complex)
        {
            return new ValueTask<object?>((object?)null);
        }

        var includeDeprecated = IncludeDeprecated(context);
        var fields = new List<FieldDefinition>(complex.Fields.Count);
        foreach (var field in complex.Fields.Values)
        {
            if (includeDeprecated || !field.IsDeprecated)
            {
                fields.Add(field);
            }
        }

        return new ValueTask<object?>(fields);
    }

    private static ValueTask<object?> TypeEnumValues(IResolverContext context)
    {
        if (context.Source is not EnumType enumType)
        {
            return new ValueTask<object?>((object?)null);
        }

        var includeDeprecated = IncludeDeprecated(context);
        var values = new List<EnumValueDefinition>(enumType.Values.Count);
        foreach (var value in enumType.Values.Values)
        {
            if (includeDeprecated || !value.IsDeprecated)
            {
                values.Add(value);
            }
        }

        return new ValueTask<object?>(values);
    }

    private static ValueTask<object?> TypeInputFields(IResolverContext context) =>
        new(context.Source is InputObjectType input ? WithoutDeprecated(input.Fields.Values, IncludeDeprecated(context)) : null);

    private static List<InputValueDefinition> WithoutDeprecated(IEnumerable<InputValueDefinition> values, bool includeDeprecated)
    {
        var kept = new List<InputValueDefinition>();
        foreach (var value in values)
        {
            if (includeDeprecated || !value.IsDeprecated)
            {
                kept.Add(value);
            }
        }

        return kept;
    }

    private static bool IncludeDeprecated(IResolverContext context) =>
        context.Arguments.TryGetValue("includeDeprecated", out var value) && value is true;

    /// <summary>The <c>__TypeKind</c> value names.</summary>
    private static string KindName(TypeKind kind) => kind switch
    {
        TypeKind.Scalar => "SCALAR",
        TypeKind.Object => "OBJECT",
        TypeKind.Interface => "INTERFACE",
        TypeKind.Union => "UNION",
        TypeKind.Enum => "ENUM",
        TypeKind.InputObject => "INPUT_OBJECT",
        TypeKind.List => "LIST",
        _ => "NON_NULL",
    };
}
