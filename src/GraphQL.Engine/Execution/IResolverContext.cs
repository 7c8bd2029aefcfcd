using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// What a resolver sees when producing one field's value for one parent object
/// (spec 6.4.2 ResolveFieldValue). The executor creates one per field execution.
/// </summary>
public interface IResolverContext
{
    /// <summary>The parent object: the root value for root fields, else the parent field's resolved value.</summary>
    object? Source { get; }

    /// <summary>The field's arguments after input coercion (spec 6.4.1 CoerceArgumentValues), defaults applied.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The operation's variables after coercion (spec 6.1.2 CoerceVariableValues).</summary>
    IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>Where this field sits in the response, e.g. <c>schools.3.name</c>.</summary>
    ResponsePath Path { get; }

    /// <summary>The field being resolved.</summary>
    FieldDefinition Field { get; }

    /// <summary>The object type the field is resolved on (never abstract).</summary>
    ObjectType ParentType { get; }

    /// <summary>The field selections merged for this response key (usually one).</summary>
    IReadOnlyList<FieldNode> FieldNodes { get; }

    Schema Schema { get; }

    /// <summary>The request's services (scoped to the HTTP request when served over HTTP).</summary>
    IServiceProvider Services { get; }

    /// <summary>A bag shared by every resolver of one request, e.g. for DataLoaders.</summary>
    IDictionary<string, object?> Items { get; }

    /// <summary>The request's DataLoaders, dispatched by the executor when it runs out of other work.</summary>
    DataLoaderRegistry DataLoaders { get; }

    /// <summary>Cancelled when the request is aborted.</summary>
    CancellationToken CancellationToken { get; }
}
