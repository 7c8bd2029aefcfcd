using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace InclusionNetwork.Runtime;

/// <summary>
/// Everything needed to call one grain interface method, built once per method with a
/// compiled expression so the per-call path does no reflection: the reference side turns a
/// call into a <see cref="GrainCall{TResult}"/>, the grain side invokes the method on the
/// grain through the interface.
/// </summary>
internal abstract class MethodDispatcher
{
    private static readonly ConcurrentDictionary<MethodInfo, MethodDispatcher> Cache = new();

    protected MethodDispatcher(MethodInfo method, ReturnShape shape)
    {
        Method = method;
        Shape = shape;
        AlwaysInterleaves = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
    }

    public MethodInfo Method { get; }

    public ReturnShape Shape { get; }

    public bool AlwaysInterleaves { get; }

    public static MethodDispatcher For(MethodInfo interfaceMethod) => Cache.GetOrAdd(interfaceMethod, Create);

    /// <summary>Queues the call on the grain and returns what the interface method returns.</summary>
    public abstract object Send(GrainRuntime runtime, GrainId grainId, GrainClassInfo grainClass, object?[] arguments);

    private static MethodDispatcher Create(MethodInfo method)
    {
        var shape = ReturnShapes.Of(method.ReturnType)
            ?? throw new NotSupportedException($"{method.DeclaringType?.Name}.{method.Name} returns {method.ReturnType.Name}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>.");
        var resultType = ReturnShapes.ResultTypeOf(method.ReturnType, shape);
        var dispatcherType = typeof(MethodDispatcher<>).MakeGenericType(resultType);
        return (MethodDispatcher)Activator.CreateInstance(dispatcherType, BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance, null, [method, shape], null)!;
    }

    /// <summary>Builds <c>(grain, args) =&gt; ((IFoo)grain).Method((T0)args[0], ...)</c> returning the method's own return type.</summary>
    protected static TDelegate CompileCall<TDelegate>(MethodInfo method)
        where TDelegate : Delegate
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters();
        var typedArguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            typedArguments[i] = Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), parameters[i].ParameterType);
        }
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, typedArguments);
        return Expression.Lambda<TDelegate>(call, grain, arguments).Compile();
    }
}

/// <inheritdoc />
internal sealed class MethodDispatcher<TResult> : MethodDispatcher
{
    private readonly Func<object, object?[], ValueTask<TResult>> invoke;

    public MethodDispatcher(MethodInfo method, ReturnShape shape)
        : base(method, shape)
    {
        invoke = shape switch
        {
            ReturnShape.TaskOfResult => FromTaskOfResult(CompileCall<Func<object, object?[], Task<TResult>>>(method)),
            ReturnShape.ValueTaskOfResult => CompileCall<Func<object, object?[], ValueTask<TResult>>>(method),
            ReturnShape.Task => FromTask(CompileCall<Func<object, object?[], Task>>(method)),
            ReturnShape.ValueTask => FromValueTask(CompileCall<Func<object, object?[], ValueTask>>(method)),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
        };
    }

    /// <summary>Runs the method on the grain (the grain side of a call).</summary>
    public ValueTask<TResult> Invoke(object grain, object?[] arguments) => invoke(grain, arguments);

    public override object Send(GrainRuntime runtime, GrainId grainId, GrainClassInfo grainClass, object?[] arguments)
    {
        var call = new GrainCall<TResult>(this, arguments, AlwaysInterleaves || grainClass.IsReentrant);
        runtime.Enqueue(grainId, grainClass, call);
        return Shape switch
        {
            ReturnShape.ValueTask => new ValueTask(call.Task),
            ReturnShape.ValueTaskOfResult => new ValueTask<TResult>(call.Task),
            _ => call.Task,
        };
    }

    private static Func<object, object?[], ValueTask<TResult>> FromTaskOfResult(Func<object, object?[], Task<TResult>> call) =>
        (grain, arguments) => new ValueTask<TResult>(call(grain, arguments));

    private static Func<object, object?[], ValueTask<TResult>> FromTask(Func<object, object?[], Task> call) =>
        (grain, arguments) =>
        {
            var task = call(grain, arguments);
            return task.IsCompletedSuccessfully ? default : AwaitAsync(task);
        };

    private static Func<object, object?[], ValueTask<TResult>> FromValueTask(Func<object, object?[], ValueTask> call) =>
        (grain, arguments) =>
        {
            var task = call(grain, arguments);
            return task.IsCompletedSuccessfully ? default : AwaitAsync(task.AsTask());
        };

    private static async ValueTask<TResult> AwaitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        return default!;
    }
}
