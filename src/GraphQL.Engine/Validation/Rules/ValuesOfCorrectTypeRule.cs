using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.6.1 Values of Correct Type: literals must coerce to the type of their position
/// (leaf values are checked by the type's own literal coercion), input objects must give
/// their required fields and no unknown ones, and @oneOf objects exactly one non-null field.
/// </summary>
public sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, VariableDefinitionNode> _variableDefinitions = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case OperationDefinitionNode:
                _variableDefinitions.Clear();
                return true;
            case VariableDefinitionNode definition:
                _variableDefinitions[definition.Variable.Name.Value] = definition;
                return true;
            case ListValueNode list:
                if (Context.ParentInputType?.Nullable is not ListType)
                {
                    CheckLeaf(list);
                    return false;
                }

                return true;
            case ObjectValueNode obj:
                return CheckObject(obj);
            case ObjectFieldNode field:
                if (Context.InputType is null && Context.ParentInputType?.Named is InputObjectType parentObject)
                {
                    Report(
                        $"Field \"{field.Name.Value}\" is not defined by type \"{parentObject.Name}\"." +
                        DidYouMean.Format(SuggestionList.For(field.Name.Value, parentObject.Fields.Keys)),
                        field);
                }

                return true;
            case NullValueNode nullValue:
                if (Context.InputType is NonNullType nonNull)
                {
                    Report($"Expected value of type \"{nonNull}\", found null.", nullValue);
                }

                return true;
            case EnumValueNode or IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode:
                CheckLeaf((ValueNode)node);
                return true;
            default:
                return true;
        }
    }

    private bool CheckObject(ObjectValueNode node)
    {
        if (Context.InputType?.Named is not InputObjectType type)
        {
            CheckLeaf(node);
            return false;
        }

        var given = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            given.TryAdd(field.Name.Value, field);
        }

        foreach (var definition in type.Fields.Values)
        {
            if (!given.ContainsKey(definition.Name) && definition.IsRequired)
            {
                Report($"Field \"{type.Name}.{definition.Name}\" of required type \"{definition.Type}\" was not provided.", node);
            }
        }

        if (type.IsOneOf)
        {
            CheckOneOf(node, type, given);
        }

        return true;
    }

    private void CheckOneOf(ObjectValueNode node, InputObjectType type, Dictionary<string, ObjectFieldNode> given)
    {
        if (given.Count != 1)
        {
            Report($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            return;
        }

        var (key, field) = given.First();
        if (field.Value is NullValueNode)
        {
            Report($"Field \"{type.Name}.{key}\" must be non-null.", node);
        }
    }

    private void CheckLeaf(ValueNode node)
    {
        if (Context.InputType is not { } locationType)
        {
            return;
        }

        var type = locationType.Named;
        try
        {
            var result = type switch
            {
                ScalarType scalar => scalar.ParseLiteral(node),
                EnumType @enum => @enum.ParseLiteral(node),
                _ => ScalarType.InvalidValue,
            };
            if (ReferenceEquals(result, ScalarType.InvalidValue))
            {
                Report($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
            }
        }
        catch (ValueCoercionException error)
        {
            Context.ReportError(new ValidationError(error.Message, node) { Code = error.Code });
        }
    }
}
