namespace InclusionNetwork.Runtime;

/// <summary>The task-like type a grain method returns.</summary>
internal enum ReturnShape
{
    Task,
    TaskOfResult,
    ValueTask,
    ValueTaskOfResult,
}

internal static class ReturnShapes
{
    /// <returns>The shape, or null when the type is not one a grain method may return.</returns>
    public static ReturnShape? Of(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return ReturnShape.Task;
        }
        if (returnType == typeof(ValueTask))
        {
            return ReturnShape.ValueTask;
        }
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return ReturnShape.TaskOfResult;
        }
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return ReturnShape.ValueTaskOfResult;
        }
        return null;
    }

    /// <summary>The result type of the call: T for Task&lt;T&gt;/ValueTask&lt;T&gt;, object for the non-generic ones.</summary>
    public static Type ResultTypeOf(Type returnType, ReturnShape shape) =>
        shape is ReturnShape.TaskOfResult or ReturnShape.ValueTaskOfResult ? returnType.GetGenericArguments()[0] : typeof(object);
}
