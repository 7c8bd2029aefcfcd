using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// One entry of a response's <c>errors</c> list (spec 7.1.2): a message for people, where in
/// the document it arose, where in the response (for field errors), and
/// <c>extensions.code</c> for programs.
/// </summary>
public sealed class GraphQLError
{
    public GraphQLError(
        string message,
        string code,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations ?? [];
        Path = path;
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                if (key != "code")
                {
                    merged[key] = value;
                }
            }
        }

        Extensions = merged;
    }

    public string Message { get; }

    /// <summary>Line and column of each syntax node involved; empty when none applies.</summary>
    public IReadOnlyList<SourceLocation> Locations { get; }

    /// <summary>Response keys and list indices to the field that failed; null for request errors.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Always holds <c>code</c> (see <see cref="ErrorCodes"/>), plus anything the thrower added.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; }

    public string Code => (string)Extensions["code"]!;

    internal static IReadOnlyList<SourceLocation> LocationsOf(IReadOnlyList<SyntaxNode> nodes)
    {
        var locations = new SourceLocation[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            locations[i] = nodes[i].Location.SourceLocation;
        }

        return locations;
    }

    internal static IReadOnlyList<SourceLocation> LocationsOf(SyntaxNode node) => [node.Location.SourceLocation];

    public override string ToString() => Path is null ? Message : $"{Message} (at {string.Join('.', Path)})";
}
