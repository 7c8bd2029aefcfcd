using System.Globalization;
using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Common;

/// <summary>
/// Typed reads of a coerced input object (the engine hands input objects to resolvers as
/// dictionaries keyed by field name, holding only the fields the client gave or defaulted).
/// </summary>
public sealed class InputReader(IReadOnlyDictionary<string, object?>? values)
{
    /// <summary>The mutation's <c>input</c> argument (every mutation of the contract takes one).</summary>
    /// <remarks>Every text in it is checked against <see cref="TextLimits"/> first.</remarks>
    public static InputReader OfInput(IResolverContext context) => Checked(context.RequiredArgument<IReadOnlyDictionary<string, object?>>("input"), "input");

    /// <summary>An optional input-object argument such as a filter; empty when not given.</summary>
    public static InputReader OfArgument(IResolverContext context, string argument) =>
        Checked(context.Argument<IReadOnlyDictionary<string, object?>>(argument), argument);

    private static InputReader Checked(IReadOnlyDictionary<string, object?>? values, string argument)
    {
        TextLimits.Check(values, argument);
        return new InputReader(values);
    }

    public bool Has(string field) => values is not null && values.ContainsKey(field);

    public string? String(string field) => values?.GetValueOrDefault(field) as string;

    public bool? Boolean(string field) => values?.GetValueOrDefault(field) as bool?;

    public int? Int(string field) => values?.GetValueOrDefault(field) switch
    {
        int i => i,
        long l => checked((int)l),
        _ => null,
    };

    public double? Float(string field) => values?.GetValueOrDefault(field) switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => null,
    };

    public TEnum? Enum<TEnum>(string field)
        where TEnum : struct, Enum => values?.GetValueOrDefault(field) is TEnum value ? value : null;

    public IReadOnlyList<T>? List<T>(string field) => values?.GetValueOrDefault(field) is System.Collections.IEnumerable list and not string
        ? list.Cast<T>().ToList()
        : null;

    public DateOnly? Date(string field) => values?.GetValueOrDefault(field) as DateOnly?;

    public DateTimeOffset? DateTime(string field) => values?.GetValueOrDefault(field) as DateTimeOffset?;

    public InputReader Object(string field) => new(values?.GetValueOrDefault(field) as IReadOnlyDictionary<string, object?>);

    /// <summary>An ID given as a number in text, or null when it is not one.</summary>
    public static long? ParseId(string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
