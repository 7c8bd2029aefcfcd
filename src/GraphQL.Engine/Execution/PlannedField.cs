using System.Collections.Concurrent;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// One response key of a <see cref="SelectionPlan"/>: the merged field nodes, the field
/// definition on the parent object type, how to resolve it, and caches that only depend on
/// the document (constant arguments, sub-plans per runtime object type, property getters).
/// </summary>
internal sealed class PlannedField
{
    private IReadOnlyDictionary<string, object?>? _constantArguments;
    private SelectionPlan? _childPlan;
    private ConcurrentDictionary<ObjectType, SelectionPlan>? _childPlans;
    private bool _childDependsOnVariables;
    private PropertyGetter? _lastGetter;
    private IReadOnlyList<SourceLocation>? _locations;

    public PlannedField(string responseKey, FieldNode[] nodes, FieldDefinition definition, ObjectType parentType, Schema schema)
    {
        ResponseKey = responseKey;
        Nodes = nodes;
        Definition = definition;
        ParentType = parentType;
        Type = definition.Type;
        IsTypeName = ReferenceEquals(definition, schema.TypeNameMetaField);
        Resolver = definition.Resolver;
        if (Resolver is null && Introspection.IntrospectionResolvers.TryGet(schema, parentType, definition, out var accessor, out var resolver))
        {
            SourceAccessor = accessor;
            Resolver = resolver;
        }

        ArgumentsAreConstant = ArgumentCoercion.IsConstant(nodes[0].Arguments);
    }

    public string ResponseKey { get; }

    public FieldNode[] Nodes { get; }

    public FieldDefinition Definition { get; }

    public ObjectType ParentType { get; }

    public GraphQLType Type { get; }

    public bool IsTypeName { get; }

    public FieldResolver? Resolver { get; }

    /// <summary>A resolver that needs only the parent value (introspection fields), so no context is allocated.</summary>
    public Func<object, object?>? SourceAccessor { get; }

    public bool ArgumentsAreConstant { get; }

    public IReadOnlyList<SourceLocation> Locations => _locations ??= GraphQLError.LocationsOf(Nodes);

    public string Coordinate => ParentType.Name + "." + Definition.Name;

    public IReadOnlyDictionary<string, object?> GetArguments(IReadOnlyDictionary<string, object?> variables)
    {
        if (!ArgumentsAreConstant)
        {
            return ArgumentCoercion.Coerce(Definition.Arguments, Nodes[0].Arguments, variables);
        }

        return _constantArguments ??= ArgumentCoercion.Coerce(Definition.Arguments, Nodes[0].Arguments, null);
    }

    /// <summary>The plan of this field's sub-selections for a runtime object type.</summary>
    public SelectionPlan GetChildPlan(ObjectType type, OperationExecution execution)
    {
        if (_childDependsOnVariables)
        {
            return execution.GetRequestScopedPlan(this, type);
        }

        var single = _childPlan;
        if (single is not null && ReferenceEquals(single.Type, type))
        {
            return single;
        }

        if (_childPlans is not null && _childPlans.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var plan = FieldCollector.CollectSubfields(execution, type, Nodes);
        if (plan.DependsOnVariables)
        {
            _childDependsOnVariables = true;
            return execution.GetRequestScopedPlan(this, type);
        }

        if (single is null)
        {
            _childPlan = plan;
        }
        else
        {
            (_childPlans ??= new ConcurrentDictionary<ObjectType, SelectionPlan>()).TryAdd(type, plan);
        }

        return plan;
    }

    /// <summary>The default resolver's getter for a parent's CLR type, remembered for the next parent of the same type.</summary>
    public Func<object, object?> GetterFor(Type sourceType)
    {
        var last = _lastGetter;
        if (last is not null && last.SourceType == sourceType)
        {
            return last.Read;
        }

        var getter = new PropertyGetter(sourceType, DefaultFieldResolver.GetterFor(sourceType, Definition.Name));
        _lastGetter = getter;
        return getter.Read;
    }

    private sealed record PropertyGetter(Type SourceType, Func<object, object?> Read);
}
