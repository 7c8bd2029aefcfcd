using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation;

/// <summary>One validation failure: the message graphql-js gives and where in the document.</summary>
public sealed record ValidationError(string Message, IReadOnlyList<SourceLocation> Locations)
{
    public ValidationError(string message, params SyntaxNode[] nodes)
        : this(message, LocationsOf(nodes))
    {
    }

    /// <summary>The <c>extensions.code</c> to report instead of GRAPHQL_VALIDATION_FAILED, when the rule knows a better one.</summary>
    public string? Code { get; init; }

    public override string ToString() => Message + " " + string.Join(", ", Locations);

    private static SourceLocation[] LocationsOf(SyntaxNode[] nodes)
    {
        var locations = new SourceLocation[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            locations[i] = nodes[i].Location.SourceLocation;
        }

        return locations;
    }
}
