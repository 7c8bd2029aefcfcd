using Orleans;

namespace InclusionNetwork.Grains.Common;

/// <summary>
/// A rule a command broke, with a stable <see cref="Code"/> (see <see cref="ErrorCodes"/>),
/// a message for people, and the input path of the offending value. The API reports it as
/// a <c>UserError</c>; nothing is written when a command returns one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DomainError(string Code, string Message, IReadOnlyList<string>? Path = null)
{
    public static DomainError NotAllowed(string message = "You may not do this.") => new(ErrorCodes.NotAllowed, message);

    public static DomainError NotFound(string message, params string[] path) => new(ErrorCodes.NotFound, message, path);

    public static DomainError Invalid(string message, params string[] path) => new(ErrorCodes.Invalid, message, path);
}
