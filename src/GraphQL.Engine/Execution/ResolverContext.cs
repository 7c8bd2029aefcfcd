using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>The executor's <see cref="IResolverContext"/>: one per resolver call, reading the rest from the request.</summary>
internal sealed class ResolverContext(
    OperationExecution execution,
    PlannedField plannedField,
    object? source,
    ResponsePath path,
    IReadOnlyDictionary<string, object?>? arguments) : IResolverContext
{
    private IReadOnlyDictionary<string, object?>? _arguments = arguments;

    public object? Source { get; } = source;

    public IReadOnlyDictionary<string, object?> Arguments => _arguments ??= plannedField.GetArguments(execution.Variables);

    public IReadOnlyDictionary<string, object?> Variables => execution.Variables;

    public ResponsePath Path { get; } = path;

    public FieldDefinition Field => plannedField.Definition;

    public ObjectType ParentType => plannedField.ParentType;

    public IReadOnlyList<FieldNode> FieldNodes => plannedField.Nodes;

    public Schema Schema => execution.Schema;

    public IServiceProvider Services => execution.Services;

    public IDictionary<string, object?> Items => execution.Items;

    public DataLoaderRegistry DataLoaders => execution.DataLoaders;

    public CancellationToken CancellationToken => execution.CancellationToken;
}
