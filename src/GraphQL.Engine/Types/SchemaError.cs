using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>One thing wrong with a type system, with where it was written when known.</summary>
public sealed record SchemaError(string Message, IReadOnlyList<SourceLocation> Locations)
{
    public SchemaError(string message, params SyntaxNode?[] nodes)
        : this(message, LocationsOf(nodes))
    {
    }

    public override string ToString() => Locations.Count == 0 ? Message : Message + " " + string.Join(", ", Locations);

    private static SourceLocation[] LocationsOf(SyntaxNode?[] nodes)
    {
        var list = new List<SourceLocation>(nodes.Length);
        foreach (var node in nodes)
        {
            if (node is not null && node.Location.Line > 0)
            {
                list.Add(node.Location.SourceLocation);
            }
        }

        return [.. list];
    }
}
