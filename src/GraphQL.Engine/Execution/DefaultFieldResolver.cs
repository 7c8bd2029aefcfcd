using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// What a field without a resolver reads from its parent: a dictionary entry, a JSON
/// property, or a public property or field of the same name, where the first letter may
/// differ in case (<c>name</c> reads <c>Name</c>). Getters are compiled once per CLR type.
/// </summary>
internal static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(Type Type, string Name), Func<object, object?>> Getters = new();
    private static readonly Func<object, object?> Missing = _ => null;

    public static object? Resolve(PlannedField field, object source)
    {
        switch (source)
        {
            case IReadOnlyDictionary<string, object?> readOnly:
                return readOnly.TryGetValue(field.Definition.Name, out var value) ? value : null;
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(field.Definition.Name, out var entry) ? entry : null;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return element.TryGetProperty(field.Definition.Name, out var property) ? property : null;
            case IDictionary untyped:
                return untyped.Contains(field.Definition.Name) ? untyped[field.Definition.Name] : null;
            default:
                return field.GetterFor(source.GetType())(source);
        }
    }

    public static Func<object, object?> GetterFor(Type type, string name) =>
        Getters.GetOrAdd((type, name), static key => Compile(key.Type, key.Name));

    private static Func<object, object?> Compile(Type type, string name)
    {
        var member = FindMember(type, name);
        if (member is null && name.Length > 0)
        {
            var flipped = (char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0])) + name[1..];
            member = FindMember(type, flipped);
        }

        if (member is null)
        {
            return Missing;
        }

        var parameter = Expression.Parameter(typeof(object), "source");
        var typed = Expression.Convert(parameter, type);
        Expression read = member switch
        {
            PropertyInfo property => Expression.Property(typed, property),
            FieldInfo field => Expression.Field(typed, field),
            _ => throw new InvalidOperationException($"Unsupported member {member.Name}."),
        };
        var boxed = Expression.Convert(read, typeof(object));
        return Expression.Lambda<Func<object, object?>>(boxed, parameter).Compile();
    }

    private static MemberInfo? FindMember(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        var property = type.GetProperty(name, flags);
        if (property is { CanRead: true } && property.GetIndexParameters().Length == 0 && property.GetMethod!.IsPublic)
        {
            return property;
        }

        return type.GetField(name, flags);
    }
}
