using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// An object in the response: response keys in selection order and their completed values
/// (nested <see cref="ResultMap"/>s, <c>object?[]</c> lists, or serialized leaves). The keys
/// belong to the cached selection plan, so each object costs one value array.
/// </summary>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly string[] _keys;
    private readonly JsonEncodedText[]? _encodedKeys;
    private readonly object?[] _values;

    internal ResultMap(string[] keys, JsonEncodedText[]? encodedKeys, object?[] values)
    {
        _keys = keys;
        _encodedKeys = encodedKeys;
        _values = values;
    }

    public int Count => _keys.Length;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<object?> Values => _values;

    internal string KeyAt(int index) => _keys[index];

    internal JsonEncodedText? EncodedKeyAt(int index) => _encodedKeys?[index];

    internal object? ValueAt(int index) => _values[index];

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(_keys, key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
