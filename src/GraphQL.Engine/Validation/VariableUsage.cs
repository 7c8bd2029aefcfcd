using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation;

/// <summary>
/// A place a variable is used: the input type expected there (null when unknown), the
/// default value of that position, and the input type enclosing it.
/// </summary>
public sealed record VariableUsage(VariableNode Node, GraphQLType? Type, ValueNode? DefaultValue, GraphQLType? ParentType);
