using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>A directive a schema supports: its arguments and where it may appear (spec 3.13).</summary>
public sealed class DirectiveDefinition
{
    public DirectiveDefinition(string name, IReadOnlyList<string> locations, bool isRepeatable = false, string? description = null)
    {
        Name = name;
        Locations = locations;
        IsRepeatable = isRepeatable;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    /// <summary>Location names as in <see cref="DirectiveLocations"/>.</summary>
    public IReadOnlyList<string> Locations { get; }

    public bool IsRepeatable { get; }

    public IReadOnlyDictionary<string, InputValueDefinition> Arguments => ArgumentMap;

    internal OrderedDictionary<string, InputValueDefinition> ArgumentMap { get; } = new(StringComparer.Ordinal);

    public DirectiveDefinitionNode? AstNode { get; internal set; }

    /// <summary>Whether this is one of the directives every schema has (skip, include, deprecated, specifiedBy, oneOf).</summary>
    public bool IsSpecified => SpecifiedDirectives.IsSpecifiedName(Name);

    public InputValueDefinition? GetArgument(string name) => ArgumentMap.GetValueOrDefault(name);

    public bool IsAllowedAt(string location)
    {
        foreach (var candidate in Locations)
        {
            if (candidate == location)
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => "@" + Name;
}
