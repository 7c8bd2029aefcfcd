using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// Produces a field's value for one parent object. Synchronous resolvers return a completed
/// <see cref="ValueTask{TResult}"/>, so no task is allocated for them.
/// </summary>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);
