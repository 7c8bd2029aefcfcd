using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Optional, not in spec section 5 (graphql-js ships it as a custom rule): reports uses of
/// deprecated fields, arguments, input fields and enum values.
/// </summary>
public sealed class NoDeprecatedCustomRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case FieldNode field:
                if (Context.FieldDefinition is { DeprecationReason: { } fieldReason } definition && Context.ParentType is { } parentType)
                {
                    Report($"The field {parentType.Name}.{definition.Name} is deprecated. {fieldReason}", field);
                }

                break;
            case ArgumentNode argument:
                if (Context.Argument is { DeprecationReason: { } argumentReason } argumentDefinition)
                {
                    if (Context.Directive is { } directive)
                    {
                        Report($"Directive \"@{directive.Name}\" argument \"{argumentDefinition.Name}\" is deprecated. {argumentReason}", argument);
                    }
                    else if (Context.FieldDefinition is { } owner && Context.ParentType is { } ownerType)
                    {
                        Report(
                            $"Field \"{ownerType.Name}.{owner.Name}\" argument \"{argumentDefinition.Name}\" is deprecated. {argumentReason}",
                            argument);
                    }
                }

                break;
            case ObjectFieldNode objectField:
                if (Context.ParentInputType?.Named is InputObjectType inputObject &&
                    inputObject.GetField(objectField.Name.Value) is { DeprecationReason: { } inputReason } inputField)
                {
                    Report($"The input field {inputObject.Name}.{inputField.Name} is deprecated. {inputReason}", objectField);
                }

                break;
            case EnumValueNode enumValue:
                if (Context.EnumValue is { DeprecationReason: { } enumReason } value && Context.InputType?.Named is { } enumType)
                {
                    Report($"The enum value \"{enumType.Name}.{value.Name}\" is deprecated. {enumReason}", enumValue);
                }

                break;
        }

        return true;
    }
}
