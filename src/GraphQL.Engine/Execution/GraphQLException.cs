namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// Thrown by a resolver to report a field error on purpose: the message and code reach the
/// client as they are (e.g. <c>new GraphQLException("Run is full.", "RUN_FULL")</c>). Any other
/// exception is logged and reported only as "Unexpected error.".
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException(string message, string code, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }

    public GraphQLException(string message, string code, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    public string Code { get; }

    /// <summary>More entries for the error's <c>extensions</c>, beside <c>code</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
