namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// A value could not be coerced to or from a leaf type. The message is the one graphql-js
/// gives, e.g. <c>Int cannot represent non-integer value: 1.5</c>.
/// </summary>
/// <param name="code">
/// The <c>extensions.code</c> to report when the value is refused for what it says rather than
/// for its shape (a literal that is otherwise a valid String, say); null for the usual codes.
/// </param>
public sealed class ValueCoercionException(string message, string? code = null) : Exception(message)
{
    public string? Code { get; } = code;
}
