using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.Silo.Cluster;

/// <summary>
/// A grain call that fails because the silo holding the grain died or left (in the seconds
/// before the cluster declares it dead and places the grain elsewhere) becomes an error the
/// caller can act on, <c>SERVICE_UNAVAILABLE</c> with a plain message, instead of an
/// unexpected fault. Nothing was done by such a call that the caller would not see on retry:
/// each command either committed before answering or wrote nothing.
/// </summary>
public sealed class ClusterUnavailableErrors : IOutgoingGrainCallFilter
{
    public const string Code = ErrorCodes.ServiceUnavailable;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
            && ApplicationGrainCalls.IsApplicationCall(context.InterfaceMethod))
        {
            throw new GraphQLException("The service is moving this work to another server. Try again in a few seconds.", Code, e);
        }
    }
}
