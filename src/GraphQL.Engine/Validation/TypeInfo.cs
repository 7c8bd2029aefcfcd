using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation;

/// <summary>
/// Tracks, while a document is walked, the type of the current field, its parent type, the
/// input type a value must have, and the field, argument, directive and enum value in scope
/// (the bookkeeping of graphql-js's TypeInfo). Unknown things are tracked as null.
/// </summary>
public sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<ValueNode?> _defaultValueStack = [];

    public Schema Schema { get; } = schema;

    /// <summary>The output type of the current field (or fragment / operation root).</summary>
    public GraphQLType? Type => Top(_typeStack);

    /// <summary>The composite type whose selection set is being walked.</summary>
    public NamedType? ParentType => Top(_parentTypeStack);

    /// <summary>The type the current input value must have.</summary>
    public GraphQLType? InputType => Top(_inputTypeStack);

    /// <summary>The input type of the value enclosing the current one (e.g. the input object of a field).</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDefinition => Top(_fieldDefStack);

    public ValueNode? DefaultValue => Top(_defaultValueStack);

    public DirectiveDefinition? Directive { get; private set; }

    public InputValueDefinition? Argument { get; private set; }

    public EnumValueDefinition? EnumValue { get; private set; }

    public void Enter(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                var named = Type?.Named;
                _parentTypeStack.Add(named is { IsCompositeType: true } ? named : null);
                break;
            case FieldNode field:
                var parent = ParentType;
                var definition = parent is null ? null : Schema.GetField(parent, field.Name.Value);
                _fieldDefStack.Add(definition);
                _typeStack.Add(definition?.Type is { IsOutputType: true } output ? output : null);
                break;
            case DirectiveNode directive:
                Directive = Schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(Schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                var conditionType = inline.TypeCondition is null ? Type?.Named : TypeFromAst(inline.TypeCondition);
                _typeStack.Add(conditionType is { IsOutputType: true } ? conditionType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = TypeFromAst(fragment.TypeCondition);
                _typeStack.Add(fragmentType is { IsOutputType: true } ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var inputType = TypeFromAst(variable.Type);
                _inputTypeStack.Add(inputType is { IsInputType: true } ? inputType : null);
                break;
            case ArgumentNode argument:
                InputValueDefinition? argumentDefinition = null;
                if (Directive is not null)
                {
                    argumentDefinition = Directive.GetArgument(argument.Name.Value);
                }
                else if (FieldDefinition is not null)
                {
                    argumentDefinition = FieldDefinition.GetArgument(argument.Name.Value);
                }

                Argument = argumentDefinition;
                _defaultValueStack.Add(argumentDefinition?.DefaultValue);
                _inputTypeStack.Add(argumentDefinition?.Type is { IsInputType: true } argumentType ? argumentType : null);
                break;
            case ListValueNode:
                var listType = InputType?.Nullable;
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValueStack.Add(null);
                _inputTypeStack.Add(itemType is { IsInputType: true } ? itemType : null);
                break;
            case ObjectFieldNode objectField:
                InputValueDefinition? inputField = null;
                if (InputType?.Named is InputObjectType inputObject)
                {
                    inputField = inputObject.GetField(objectField.Name.Value);
                }

                _defaultValueStack.Add(inputField?.DefaultValue);
                _inputTypeStack.Add(inputField?.Type is { IsInputType: true } fieldType ? fieldType : null);
                break;
            case EnumValueNode enumValue:
                EnumValue = InputType?.Named is EnumType enumType ? enumType.GetValue(enumValue.Value) : null;
                break;
        }
    }

    public void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypeStack);
                break;
            case FieldNode:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode:
            case InlineFragmentNode:
            case FragmentDefinitionNode:
                Pop(_typeStack);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypeStack);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case ListValueNode:
            case ObjectFieldNode:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case EnumValueNode:
                EnumValue = null;
                break;
        }
    }

    /// <summary>The schema type a type reference names, or null when any named type is unknown.</summary>
    public GraphQLType? TypeFromAst(TypeNode node) => TypeFromAst(Schema, node);

    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => TypeFromAst(schema, list.Type) is { } inner ? new ListType(inner) : null,
        NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };

    private static T? Top<T>(List<T?> stack)
        where T : class => stack.Count == 0 ? null : stack[^1];

    private static void Pop<T>(List<T> stack) => stack.RemoveAt(stack.Count - 1);
}
