using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.5.1.2 Fragment Spread Type Existence and 5.8.x: every named type referenced (type
/// conditions, variable types, and in SDL documents any type reference) must exist.
/// </summary>
public sealed class KnownTypeNamesRule(ValidationContext context) : ValidationRule(context)
{
    private HashSet<string>? _definedTypes;

    public override bool Enter(SyntaxNode node)
    {
        if (node is DocumentNode document)
        {
            _definedTypes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var definition in document.Definitions)
            {
                if (definition is TypeDefinitionNode type)
                {
                    _definedTypes.Add(type.Name.Value);
                }
            }

            return true;
        }

        if (node is not NamedTypeNode named)
        {
            return true;
        }

        var name = named.Name.Value;
        if (Context.Schema.GetType(name) is not null || _definedTypes!.Contains(name))
        {
            return true;
        }

        var isSdl = IsInTypeSystemDefinition();
        if (isSdl && SpecifiedScalars.IsStandardName(name))
        {
            return true;
        }

        var candidates = new List<string>();
        if (isSdl)
        {
            candidates.AddRange(["String", "Int", "Float", "Boolean", "ID"]);
        }

        candidates.AddRange(Context.Schema.Types.Keys);
        candidates.AddRange(_definedTypes);
        Report($"Unknown type \"{name}\"." + DidYouMean.Format(SuggestionList.For(name, candidates)), named);
        return true;
    }

    private bool IsInTypeSystemDefinition()
    {
        foreach (var ancestor in Context.Ancestors)
        {
            if (ancestor is TypeSystemDefinitionNode or TypeSystemExtensionNode)
            {
                return true;
            }
        }

        return false;
    }
}
