using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments: non-null arguments without a default must be given.</summary>
public sealed class ProvidedRequiredArgumentsRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, List<(string Name, string Type)>>? _directiveRequirements;

    public override void Leave(SyntaxNode node)
    {
        switch (node)
        {
            case FieldNode field when Context.FieldDefinition is { } definition:
                foreach (var argument in definition.Arguments.Values)
                {
                    if (argument.IsRequired && !IsProvided(field.Arguments, argument.Name))
                    {
                        Report(
                            $"Field \"{definition.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                            field);
                    }
                }

                break;
            case DirectiveNode directive:
                CheckDirective(directive);
                break;
        }
    }

    private void CheckDirective(DirectiveNode directive)
    {
        if (_directiveRequirements is null)
        {
            _directiveRequirements = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
            foreach (var definition in Context.Schema.Directives.Values)
            {
                _directiveRequirements[definition.Name] = definition.Arguments.Values
                    .Where(a => a.IsRequired)
                    .Select(a => (a.Name, a.Type.ToString() ?? string.Empty))
                    .ToList();
            }

            foreach (var definition in Context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode defined)
                {
                    _directiveRequirements[defined.Name.Value] = defined.Arguments
                        .Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null)
                        .Select(a => (a.Name.Value, Printer.Print(a.Type)))
                        .ToList();
                }
            }
        }

        if (!_directiveRequirements.TryGetValue(directive.Name.Value, out var required))
        {
            return;
        }

        foreach (var (name, type) in required)
        {
            if (!IsProvided(directive.Arguments, name))
            {
                Report(
                    $"Directive \"@{directive.Name.Value}\" argument \"{name}\" of type \"{type}\" is required, but it was not provided.",
                    directive);
            }
        }
    }

    private static bool IsProvided(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name.Value == name)
            {
                return true;
            }
        }

        return false;
    }
}
