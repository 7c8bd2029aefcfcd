using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// Names the object type of a value returned for an interface or union field (spec 6.4.3
/// ResolveAbstractType). Returns null when it cannot tell; the executor then tries each
/// possible type's <see cref="ObjectType.IsTypeOf"/>.
/// </summary>
public delegate string? TypeResolver(object value, IResolverContext context);
