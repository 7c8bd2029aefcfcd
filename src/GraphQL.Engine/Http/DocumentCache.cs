using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Http;

/// <summary>
/// Parsed and validated documents by query text, bounded, least recently used evicted, so
/// a client repeating its queries skips parsing and validation (and reuses the executor's
/// selection plans, which hang off the cached document).
/// </summary>
public sealed class DocumentCache(int capacity)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The document for the text, or the syntax or validation errors that make it unusable.</summary>
    public Entry GetOrAdd(Schema schema, string query, RequestLimits limits)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(query, out var node) && ReferenceEquals(node.Value.Schema, schema))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value;
            }
        }

        var entry = Prepare(schema, query, limits);
        if (capacity <= 0)
        {
            return entry;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(query, out var stale))
            {
                _recency.Remove(stale);
                _entries.Remove(query);
            }

            _entries[query] = _recency.AddFirst(entry);
            while (_entries.Count > capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Query);
            }
        }

        return entry;
    }

    private static Entry Prepare(Schema schema, string query, RequestLimits limits)
    {
        var document = Executor.Parse(query, limits, out var syntaxError);
        if (document is null)
        {
            return new Entry(schema, query, null, [syntaxError!]);
        }

        return new Entry(schema, query, document, Executor.Validate(schema, document));
    }

    /// <summary>One query text: its document when usable, else the errors to send back.</summary>
    public sealed record Entry(Schema Schema, string Query, DocumentNode? Document, IReadOnlyList<GraphQLError> Errors);
}
