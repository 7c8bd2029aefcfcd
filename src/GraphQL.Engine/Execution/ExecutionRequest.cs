using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Limits;
using Microsoft.Extensions.Logging;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// One GraphQL request (spec 6.1 ExecuteRequest): either <see cref="Query"/> text, which the
/// executor parses and validates, or an already parsed <see cref="Document"/>.
/// </summary>
public sealed record ExecutionRequest
{
    /// <summary>The document as text; ignored when <see cref="Document"/> is set.</summary>
    public string? Query { get; init; }

    /// <summary>A parsed document; validated unless <see cref="DocumentIsValidated"/>.</summary>
    public DocumentNode? Document { get; init; }

    /// <summary>Set when the caller has validated <see cref="Document"/> against the same schema (e.g. from a cache).</summary>
    public bool DocumentIsValidated { get; init; }

    public string? OperationName { get; init; }

    /// <summary>Raw variable values: CLR values or <see cref="System.Text.Json.JsonElement"/>s, coerced per spec 6.1.2.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The parent value of the root fields.</summary>
    public object? RootValue { get; init; }

    public IServiceProvider? Services { get; init; }

    /// <summary>Per-request state the host puts in for resolvers (e.g. the signed-in viewer).</summary>
    public IDictionary<string, object?>? Items { get; init; }

    /// <summary>Where unexpected resolver exceptions are logged, with the field's path.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Depth, alias, cost and token limits; <see cref="RequestLimits.Default"/> when null.</summary>
    public RequestLimits? Limits { get; init; }

    /// <summary>
    /// Asked, once the operation has passed the limits, whether it may run now given its
    /// estimated cost; execution holds what it returns until done. None: everything runs at once.
    /// </summary>
    public IExecutionAdmission? Admission { get; init; }

    /// <summary>
    /// Names the failures a resolver may meet that are not faults, such as a database too busy
    /// to give a connection in time: returns the error the client should see, or null for an
    /// unexpected fault (logged, and reported as "Unexpected error.").
    /// </summary>
    public Func<Exception, GraphQLException?>? KnownFailure { get; init; }
}
