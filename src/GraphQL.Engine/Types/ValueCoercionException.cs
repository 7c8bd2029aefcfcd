namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// A value could not be coerced to or from a leaf type. The message is the one graphql-js
/// gives, e.g. <c>Int cannot represent non-integer value: 1.5</c>.
/// </summary>
public sealed class ValueCoercionException(string message) : Exception(message);
