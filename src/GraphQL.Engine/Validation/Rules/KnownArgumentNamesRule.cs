using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names: every argument given is defined by the field or directive.</summary>
public sealed class KnownArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, List<string>>? _directiveArguments;

    public override bool Enter(SyntaxNode node)
    {
        switch (node)
        {
            case DirectiveNode directive:
                CheckDirective(directive);
                break;
            case ArgumentNode argument when Context.Directive is null && Context.Parent is FieldNode:
                if (Context.Argument is null && Context.FieldDefinition is { } field && Context.ParentType is { } parentType)
                {
                    var name = argument.Name.Value;
                    Report(
                        $"Unknown argument \"{name}\" on field \"{parentType.Name}.{field.Name}\"." +
                        DidYouMean.Format(SuggestionList.For(name, field.Arguments.Keys)),
                        argument);
                }

                break;
        }

        return true;
    }

    private void CheckDirective(DirectiveNode directive)
    {
        if (_directiveArguments is null)
        {
            _directiveArguments = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var definition in Context.Schema.Directives.Values)
            {
                _directiveArguments[definition.Name] = [.. definition.Arguments.Keys];
            }

            foreach (var definition in Context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode defined)
                {
                    _directiveArguments[defined.Name.Value] = defined.Arguments.Select(a => a.Name.Value).ToList();
                }
            }
        }

        if (!_directiveArguments.TryGetValue(directive.Name.Value, out var known))
        {
            return;
        }

        foreach (var argument in directive.Arguments)
        {
            var name = argument.Name.Value;
            if (!known.Contains(name))
            {
                Report(
                    $"Unknown argument \"{name}\" on directive \"@{directive.Name.Value}\"." + DidYouMean.Format(SuggestionList.For(name, known)),
                    argument);
            }
        }
    }
}
