namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>
/// The document could not be lexed or parsed. The message reads like graphql-js
/// (<c>Syntax Error: Expected Name, found "}".</c>) and the location says where.
/// </summary>
public sealed class GraphQLSyntaxException : Exception
{
    public GraphQLSyntaxException(string description, int position, SourceLocation location)
        : base("Syntax Error: " + description)
    {
        Description = description;
        Position = position;
        Location = location;
    }

    /// <summary>The message without the <c>Syntax Error: </c> prefix.</summary>
    public string Description { get; }

    /// <summary>Character offset in the source.</summary>
    public int Position { get; }

    public SourceLocation Location { get; }

    public IReadOnlyList<SourceLocation> Locations => [Location];
}
