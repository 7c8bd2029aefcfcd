using Orleans;

namespace InclusionNetwork.Grains.Common;

/// <summary>What a command produced, or the rules it broke (then nothing was written).</summary>
[GenerateSerializer, Immutable]
public sealed record CommandResult<T>(T? Value, IReadOnlyList<DomainError> Errors)
    where T : class
{
    public bool Succeeded => Errors.Count == 0;

    public static CommandResult<T> Success(T value) => new(value, []);

    public static CommandResult<T> Failure(params DomainError[] errors) => new(null, errors);
}
