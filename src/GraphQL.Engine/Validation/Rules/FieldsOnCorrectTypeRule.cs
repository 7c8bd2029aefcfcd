using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.3.1 Field Selections: a selected field must be defined on the parent type. The
/// error suggests inline fragments on types that have the field, else similar field names.
/// </summary>
public sealed class FieldsOnCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is not FieldNode field || Context.ParentType is not { } parentType || Context.FieldDefinition is not null)
        {
            return true;
        }

        var name = field.Name.Value;
        var suggestion = DidYouMean.Format(SuggestedTypeNames(parentType, name), "to use an inline fragment on");
        if (suggestion.Length == 0)
        {
            suggestion = DidYouMean.Format(parentType is ComplexType complex ? SuggestionList.For(name, complex.Fields.Keys) : []);
        }

        Report($"Cannot query field \"{name}\" on type \"{parentType.Name}\"." + suggestion, field);
        return true;
    }

    /// <summary>Implementations and interfaces of an abstract type that do have the field, most used first.</summary>
    private List<string> SuggestedTypeNames(NamedType type, string fieldName)
    {
        if (!type.IsAbstractType)
        {
            return [];
        }

        var schema = Context.Schema;
        var suggested = new List<ComplexType>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null)
            {
                continue;
            }

            suggested.Add(possible);
            usage[possible.Name] = 1;
            foreach (var @interface in possible.Interfaces)
            {
                if (@interface.GetField(fieldName) is null)
                {
                    continue;
                }

                if (!usage.TryGetValue(@interface.Name, out var count))
                {
                    suggested.Add(@interface);
                }

                usage[@interface.Name] = count + 1;
            }
        }

        suggested.Sort((a, b) =>
        {
            var difference = usage[b.Name] - usage[a.Name];
            if (difference != 0)
            {
                return difference;
            }

            if (a is InterfaceType && schema.IsSubType(a, b))
            {
                return -1;
            }

            if (b is InterfaceType && schema.IsSubType(b, a))
            {
                return 1;
            }

            return NaturalComparer.Instance.Compare(a.Name, b.Name);
        });
        return suggested.ConvertAll(t => t.Name);
    }
}
