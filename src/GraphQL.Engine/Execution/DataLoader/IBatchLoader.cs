namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>What the registry needs of every DataLoader, whatever its key and value types.</summary>
internal interface IBatchLoader
{
    /// <summary>Runs the batch function for the keys queued so far and settles their tasks.</summary>
    Task DispatchAsync(CancellationToken cancellationToken);
}
