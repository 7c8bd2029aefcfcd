using System.Collections;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Utilities;
using Microsoft.Extensions.Logging;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// Executes one operation (spec 6.2-6.4): ExecuteSelectionSet, ExecuteField, CompleteValue,
/// with null propagation (spec 6.4.4). Completions return their value directly when it is
/// ready, <see cref="Invalid"/> when an error made a non-null position null (the parent
/// decides how far the null travels), or <see cref="Pending"/> for asynchronous work.
/// </summary>
internal sealed partial class OperationExecution
{
    /// <summary>"This position is null because of an error already recorded; propagate the null."</summary>
    private static readonly object Invalid = new();

    private readonly object _errorsGate = new();
    private readonly List<GraphQLError> _errors = [];
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments;
    private readonly SchemaExecutionCache _cache;
    private readonly ILogger _logger;
    private readonly Func<Exception, GraphQLException?>? _knownFailure;
    private readonly object? _rootValue;
    private Dictionary<(PlannedField?, ObjectType), SelectionPlan>? _requestScopedPlans;

    /// <summary>How many executor continuations are running right now (see <see cref="DriveAsync"/>).</summary>
    private int _busy;

    public OperationExecution(
        Schema schema,
        DocumentNode document,
        IReadOnlyDictionary<string, object?> variables,
        ExecutionRequest request,
        CancellationToken cancellationToken)
    {
        Schema = schema;
        _cache = SchemaExecutionCache.For(schema);
        _fragments = _cache.FragmentsOf(document);
        Variables = variables;
        _rootValue = request.RootValue;
        Services = request.Services ?? EmptyServices.Instance;
        Items = request.Items ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        _logger = request.Logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _knownFailure = request.KnownFailure;
        CancellationToken = cancellationToken;
        DataLoaders = new DataLoaderRegistry(cancellationToken);
    }

    public Schema Schema { get; }

    public IReadOnlyDictionary<string, object?> Variables { get; }

    public IServiceProvider Services { get; }

    public IDictionary<string, object?> Items { get; }

    public DataLoaderRegistry DataLoaders { get; }

    public CancellationToken CancellationToken { get; }

    public FragmentDefinitionNode? GetFragment(string name) => _fragments.GetValueOrDefault(name);

    /// <summary>Spec 6.2.1-6.2.2: executes the root selection set, in parallel for queries and serially for mutations.</summary>
    public async Task<ExecutionResult> ExecuteAsync(OperationDefinitionNode operation, ObjectType rootType)
    {
        object? data;
        try
        {
            var plan = GetRootPlan(operation, rootType);
            data = operation.Operation == OperationType.Mutation
                ? await ExecuteSeriallyAsync(plan).ConfigureAwait(false)
                : ExecuteFields(plan, _rootValue, null);
            if (data is Pending pending)
            {
                data = await DriveAsync(pending.Task).ConfigureAwait(false);
            }
        }
        catch (GraphQLException e)
        {
            // e.g. a @skip without a usable "if" on a root selection: the whole operation fails.
            AddError(new GraphQLError(e.Message, e.Code, extensions: e.Extensions));
            data = Invalid;
        }

        List<GraphQLError> errors;
        lock (_errorsGate)
        {
            errors = [.. _errors];
        }

        return ExecutionResult.Executed(data as ResultMap, errors);
    }

    /// <summary>
    /// Waits for the asynchronous part of the operation while dispatching DataLoaders whenever
    /// the executor has run out of synchronous work: every resolver that could queue a key
    /// in this round has done so, so each round is one batch per loader ("tick" batching).
    /// </summary>
    private async Task<object?> DriveAsync(Task<object?> work)
    {
        while (!work.IsCompleted)
        {
            if (DataLoaders.HasQueuedKeys)
            {
                // A continuation resumed by other I/O may still be queuing keys on another thread.
                while (Volatile.Read(ref _busy) > 0)
                {
                    await Task.Yield();
                }

                await DataLoaders.DispatchAsync().ConfigureAwait(false);
                continue;
            }

            var queued = DataLoaders.WhenKeysQueued();
            if (DataLoaders.HasQueuedKeys)
            {
                continue;
            }

            await Task.WhenAny(work, queued).ConfigureAwait(false);
        }

        return await work.ConfigureAwait(false);
    }

    private async Task<object?> ExecuteSeriallyAsync(SelectionPlan plan)
    {
        var values = new object?[plan.Fields.Length];
        for (var i = 0; i < plan.Fields.Length; i++)
        {
            var value = ExecuteField(plan.Fields[i], _rootValue, null);
            if (value is Pending pending)
            {
                value = await DriveAsync(pending.Task).ConfigureAwait(false);
            }

            if (ReferenceEquals(value, Invalid))
            {
                return Invalid;
            }

            values[i] = value;
        }

        return new ResultMap(plan.Keys, plan.EncodedKeys, values);
    }

    private SelectionPlan GetRootPlan(OperationDefinitionNode operation, ObjectType rootType)
    {
        if (_cache.TryGetRootPlan(operation, out var cached) && cached is not null && ReferenceEquals(cached.Type, rootType))
        {
            return cached;
        }

        var plan = FieldCollector.CollectRoot(this, rootType, operation.SelectionSet);
        if (!plan.DependsOnVariables)
        {
            _cache.AddRootPlan(operation, plan);
        }

        return plan;
    }

    /// <summary>A sub-plan whose @skip/@include depend on this request's variables, cached for this request only.</summary>
    public SelectionPlan GetRequestScopedPlan(PlannedField field, ObjectType type)
    {
        lock (_errorsGate)
        {
            _requestScopedPlans ??= [];
            if (_requestScopedPlans.TryGetValue((field, type), out var plan))
            {
                return plan;
            }
        }

        var collected = FieldCollector.CollectSubfields(this, type, field.Nodes);
        lock (_errorsGate)
        {
            _requestScopedPlans.TryAdd((field, type), collected);
        }

        return collected;
    }

    /// <summary>Spec 6.3 ExecuteSelectionSet for one object value.</summary>
    private object? ExecuteFields(SelectionPlan plan, object? source, ResponsePath? path)
    {
        // Every object completed is a point where an abandoned request stops spending CPU.
        CancellationToken.ThrowIfCancellationRequested();
        var fields = plan.Fields;
        var values = new object?[fields.Length];
        var pendingCount = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            var value = ExecuteField(fields[i], source, path);
            if (ReferenceEquals(value, Invalid))
            {
                // A non-null field is null: so is this object (spec 6.4.4). Fields already started finish unobserved.
                return Invalid;
            }

            if (value is Pending)
            {
                pendingCount++;
            }

            values[i] = value;
        }

        return pendingCount == 0
            ? new ResultMap(plan.Keys, plan.EncodedKeys, values)
            : new Pending(AwaitFieldsAsync(plan, values));
    }

    private static async Task<object?> AwaitFieldsAsync(SelectionPlan plan, object?[] values)
    {
        var invalid = false;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is Pending pending)
            {
                var value = await pending.Task.ConfigureAwait(false);
                invalid |= ReferenceEquals(value, Invalid);
                values[i] = value;
            }
        }

        return invalid ? Invalid : new ResultMap(plan.Keys, plan.EncodedKeys, values);
    }

    /// <summary>Spec 6.4 ExecuteField: coerce arguments, resolve, complete; errors become field errors here.</summary>
    private object? ExecuteField(PlannedField field, object? source, ResponsePath? parentPath)
    {
        if (field.IsTypeName)
        {
            return field.ParentType.Name;
        }

        object? resolved;
        if (field.SourceAccessor is { } accessor)
        {
            // Introspection objects are never null; __schema ignores its (root) parent.
            resolved = accessor(source!);
        }
        else if (field.Resolver is { } resolver)
        {
            var path = Append(parentPath, field.ResponseKey);
            ValueTask<object?> task;
            try
            {
                var arguments = field.Definition.Arguments.Count == 0 ? null : field.GetArguments(Variables);
                task = resolver(new ResolverContext(this, field, source, path, arguments));
            }
            catch (Exception e) when (IsFieldError(e))
            {
                return FieldError(e, field, path, field.Type);
            }

            if (!task.IsCompletedSuccessfully)
            {
                return task.IsCompleted
                    ? FieldError(ExceptionOf(task), field, path, field.Type)
                    : new Pending(ResolveLaterAsync(task, field, path));
            }

            return CompleteValue(field.Type, field, task.Result, path, null, -1);
        }
        else
        {
            try
            {
                resolved = source is null ? null : DefaultFieldResolver.Resolve(field, source);
            }
            catch (Exception e) when (IsFieldError(e))
            {
                return FieldError(e, field, Append(parentPath, field.ResponseKey), field.Type);
            }
        }

        return CompleteValue(field.Type, field, resolved, parentPath, field.ResponseKey, 0);
    }

    private async Task<object?> ResolveLaterAsync(ValueTask<object?> task, PlannedField field, ResponsePath path)
    {
        object? resolved;
        try
        {
            resolved = await task.ConfigureAwait(false);
        }
        catch (Exception e) when (IsFieldError(e))
        {
            return FieldError(e, field, path, field.Type);
        }

        Interlocked.Increment(ref _busy);
        object? completed;
        try
        {
            completed = CompleteValue(field.Type, field, resolved, path, null, -1);
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
        }

        return completed is Pending pending ? await pending.Task.ConfigureAwait(false) : completed;
    }

    /// <summary>
    /// Spec 6.4.3 CompleteValue at one position: the field itself (<paramref name="key"/> is its
    /// response key; or key null and index -1 when <paramref name="parent"/> is already the
    /// field's path) or a list item (key null, <paramref name="index"/> its index, parent the list).
    /// </summary>
    private object? CompleteValue(GraphQLType type, PlannedField field, object? value, ResponsePath? parent, string? key, int index)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteNullable(nonNull.OfType, field, value, parent, key, index);
            if (inner is null)
            {
                return NullInNonNull(field, Position(parent, key, index));
            }

            return inner is Pending pending ? new Pending(NonNullLaterAsync(pending.Task, field, Position(parent, key, index))) : inner;
        }

        var completed = CompleteNullable(type, field, value, parent, key, index);
        if (ReferenceEquals(completed, Invalid))
        {
            return null;
        }

        return completed is Pending later ? new Pending(NullableLaterAsync(later.Task)) : completed;
    }

    private async Task<object?> NonNullLaterAsync(Task<object?> inner, PlannedField field, ResponsePath path)
    {
        var value = await inner.ConfigureAwait(false);
        return value is null ? NullInNonNull(field, path) : value;
    }

    private static async Task<object?> NullableLaterAsync(Task<object?> inner)
    {
        var value = await inner.ConfigureAwait(false);
        return ReferenceEquals(value, Invalid) ? null : value;
    }

    private object NullInNonNull(PlannedField field, ResponsePath path)
    {
        AddError(new GraphQLError(
            $"Cannot return null for non-nullable field {field.Coordinate}.",
            ErrorCodes.InternalServerError,
            field.Locations,
            path.ToList()));
        return Invalid;
    }

    private object? CompleteNullable(GraphQLType type, PlannedField field, object? value, ResponsePath? parent, string? key, int index)
    {
        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ScalarType scalar:
                return CompleteScalar(scalar, field, value, parent, key, index);
            case EnumType enumType:
                try
                {
                    return _cache.SerializeEnum(enumType, value);
                }
                catch (Exception e) when (IsFieldError(e))
                {
                    return PositionError(e, field, Position(parent, key, index));
                }

            case ListType list:
                return CompleteList(list, field, value, Position(parent, key, index));
            case ObjectType objectType:
                return CompleteObject(objectType, field, value, Position(parent, key, index));
            default:
                var path = Position(parent, key, index);
                var runtimeType = ResolveAbstractType(type.Named, field, value, path);
                return runtimeType is null ? Invalid : CompleteObject(runtimeType, field, value, path);
        }
    }

    private object? CompleteScalar(ScalarType scalar, PlannedField field, object value, ResponsePath? parent, string? key, int index)
    {
        // The built-in scalars given their own CLR type need no coercion.
        if ((value is string && (ReferenceEquals(scalar, SpecifiedScalars.String) || ReferenceEquals(scalar, SpecifiedScalars.Id))) ||
            (value is int && ReferenceEquals(scalar, SpecifiedScalars.Int)) ||
            (value is bool && ReferenceEquals(scalar, SpecifiedScalars.Boolean)) ||
            (value is double d && double.IsFinite(d) && ReferenceEquals(scalar, SpecifiedScalars.Float)))
        {
            return value;
        }

        try
        {
            var serialized = scalar.Serialize(value);
            if (serialized is null)
            {
                throw new ValueCoercionException(
                    $"Expected `{scalar.Name}.serialize({ValueInspector.Inspect(value)})` to return non-nullable value, returned: null");
            }

            return serialized;
        }
        catch (Exception e) when (IsFieldError(e))
        {
            return PositionError(e, field, Position(parent, key, index));
        }
    }

    private object? CompleteList(ListType type, PlannedField field, object value, ResponsePath path)
    {
        if (value is string || value is not IEnumerable sequence)
        {
            AddError(new GraphQLError(
                $"Expected Iterable, but did not find one for field \"{field.Coordinate}\".",
                ErrorCodes.InternalServerError,
                field.Locations,
                path.ToList()));
            return Invalid;
        }

        var itemType = type.OfType;
        object?[] items;
        var pendingCount = 0;
        try
        {
            if (value is IList list)
            {
                items = new object?[list.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    var item = CompleteValue(itemType, field, list[i], path, null, i);
                    if (ReferenceEquals(item, Invalid))
                    {
                        return Invalid;
                    }

                    pendingCount += item is Pending ? 1 : 0;
                    items[i] = item;
                }
            }
            else
            {
                var collected = new List<object?>();
                var i = 0;
                foreach (var element in sequence)
                {
                    var item = CompleteValue(itemType, field, element, path, null, i++);
                    if (ReferenceEquals(item, Invalid))
                    {
                        return Invalid;
                    }

                    pendingCount += item is Pending ? 1 : 0;
                    collected.Add(item);
                }

                items = [.. collected];
            }
        }
        catch (Exception e) when (IsFieldError(e))
        {
            // The sequence itself failed while being enumerated (e.g. a lazy query).
            return PositionError(e, field, path);
        }

        return pendingCount == 0 ? items : new Pending(AwaitItemsAsync(items));
    }

    private static async Task<object?> AwaitItemsAsync(object?[] items)
    {
        var invalid = false;
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is Pending pending)
            {
                var value = await pending.Task.ConfigureAwait(false);
                invalid |= ReferenceEquals(value, Invalid);
                items[i] = value;
            }
        }

        return invalid ? Invalid : items;
    }

    private object? CompleteObject(ObjectType type, PlannedField field, object value, ResponsePath path)
    {
        SelectionPlan plan;
        try
        {
            if (type.IsTypeOf is { } isTypeOf && !isTypeOf(value))
            {
                throw new GraphQLException(
                    $"Expected value of type \"{type.Name}\" but got: {ValueInspector.Inspect(value)}.", ErrorCodes.InternalServerError);
            }

            plan = field.GetChildPlan(type, this);
        }
        catch (Exception e) when (IsFieldError(e))
        {
            return PositionError(e, field, path);
        }

        return ExecuteFields(plan, value, path);
    }

    /// <summary>Spec 6.4.3 ResolveAbstractType: the type resolver, then <c>__typename</c>, IsTypeOf, and the CLR type's name.</summary>
    private ObjectType? ResolveAbstractType(NamedType abstractType, PlannedField field, object value, ResponsePath path)
    {
        try
        {
            var resolver = abstractType switch
            {
                InterfaceType @interface => @interface.ResolveType,
                UnionType union => union.ResolveType,
                _ => null,
            };
            var name = resolver?.Invoke(value, new ResolverContext(this, field, value, path, null));
            name ??= value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var typename) ? typename as string : null;
            if (name is null)
            {
                foreach (var candidate in Schema.GetPossibleTypes(abstractType))
                {
                    if (candidate.IsTypeOf is { } isTypeOf && isTypeOf(value))
                    {
                        return candidate;
                    }
                }

                name = _cache.TypeByClrName(abstractType, value.GetType())?.Name;
            }

            if (name is null)
            {
                throw new GraphQLException(
                    $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{field.Coordinate}\". " +
                    $"Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
                    ErrorCodes.InternalServerError);
            }

            var runtimeType = Schema.GetType(name) switch
            {
                null => throw new GraphQLException(
                    $"Abstract type \"{abstractType.Name}\" was resolved to a type \"{name}\" that does not exist inside the schema.",
                    ErrorCodes.InternalServerError),
                ObjectType obj => obj,
                _ => throw new GraphQLException(
                    $"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{name}\".", ErrorCodes.InternalServerError),
            };
            if (!_cache.IsPossibleType(abstractType, runtimeType))
            {
                throw new GraphQLException(
                    $"Runtime Object type \"{runtimeType.Name}\" is not a possible type for \"{abstractType.Name}\".", ErrorCodes.InternalServerError);
            }

            return runtimeType;
        }
        catch (Exception e) when (IsFieldError(e))
        {
            PositionError(e, field, path);
            return null;
        }
    }

    private static ResponsePath Append(ResponsePath? parent, string key) => parent is null ? ResponsePath.Root(key) : parent.Append(key);

    /// <summary>The path of a completion position, built only when it is needed (children, errors).</summary>
    private static ResponsePath Position(ResponsePath? parent, string? key, int index) =>
        key is not null ? Append(parent, key) : index < 0 ? parent! : parent!.Append(index);

    private static Exception ExceptionOf(ValueTask<object?> completed)
    {
        try
        {
            _ = completed.Result;
            return new InvalidOperationException("The resolver's task completed without a result.");
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private object? FieldError(Exception exception, PlannedField field, ResponsePath path, GraphQLType type)
    {
        PositionError(exception, field, path);
        return type.IsNonNull ? Invalid : null;
    }

    /// <summary>Records a field error at a position and returns <see cref="Invalid"/> for the position's wrapper to resolve.</summary>
    private object PositionError(Exception exception, PlannedField field, ResponsePath path)
    {
        AddError(ToGraphQLError(exception, field, path));
        return Invalid;
    }

    /// <summary>Cancellation of the whole request is not a field error: it ends the request.</summary>
    private bool IsFieldError(Exception exception) =>
        !(exception is OperationCanceledException && CancellationToken.IsCancellationRequested);

    private GraphQLError ToGraphQLError(Exception exception, PlannedField field, ResponsePath path)
    {
        switch (exception)
        {
            case GraphQLException known:
                return new GraphQLError(known.Message, known.Code, field.Locations, path.ToList(), known.Extensions);
            case ValueCoercionException coercion:
                return new GraphQLError(coercion.Message, ErrorCodes.InternalServerError, field.Locations, path.ToList());
            default:
                if (_knownFailure?.Invoke(exception) is { } named)
                {
                    return new GraphQLError(named.Message, named.Code, field.Locations, path.ToList(), named.Extensions);
                }

                // Anything else is a fault: the details go to the log, the client learns only that it happened.
                LogUnexpected(_logger, exception, field.Coordinate, path.ToString());
                return new GraphQLError("Unexpected error.", ErrorCodes.InternalServerError, field.Locations, path.ToList());
        }
    }

    private void AddError(GraphQLError error)
    {
        lock (_errorsGate)
        {
            _errors.Add(error);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Resolver for {Field} failed at path {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string field, string path);

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
