using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Common;

/// <summary>
/// A query argument out of range (a page size, a malformed cursor or id): reported as a
/// field error with code BAD_USER_INPUT, never as a server error.
/// </summary>
public sealed class QueryArgumentException(string message) : GraphQLException(message, ErrorCodes.BadUserInput);
