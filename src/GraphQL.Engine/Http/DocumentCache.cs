using System.Runtime.InteropServices;
using System.Security.Cryptography;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Http;

/// <summary>
/// Parsed and validated documents by query text, bounded in entries and in bytes, least
/// recently used evicted, so a client repeating its queries skips parsing and validation
/// (and reuses the executor's selection plans, which hang off the cached document).
/// </summary>
/// <remarks>
/// The cache never keeps the query text: entries are keyed by its SHA-256, and hold only the
/// parsed document (which keeps no comments or ignored tokens) or, for an unusable text, its
/// errors. So a body padded with a megabyte of comments costs a few hundred bytes here, and
/// the byte cap, counted from an estimate of each document's size, bounds what the cache can
/// hold whatever the clients send.
/// </remarks>
public sealed class DocumentCache(int capacity, long maxBytes = DocumentCache.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    // What an entry costs besides its document: the key, the dictionary slot, the list node, the entry.
    private const long EntryOverheadBytes = 256;

    private readonly object _gate = new();
    private readonly Dictionary<TextHash, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = [];
    private long _bytes;

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

    /// <summary>The estimated bytes the cached entries hold; never more than the byte cap.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>The document for the text, or the syntax or validation errors that make it unusable.</summary>
    public Entry GetOrAdd(Schema schema, string query, RequestLimits limits, CancellationToken cancellationToken = default)
    {
        var key = TextHash.Of(query);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Schema, schema))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value;
            }
        }

        // Abandoned mid-way, this throws and nothing half-done is cached.
        var entry = Prepare(schema, key, query, limits, cancellationToken);
        if (capacity <= 0 || entry.Bytes > maxBytes)
        {
            return entry;
        }

        lock (_gate)
        {
            if (_entries.Remove(key, out var stale))
            {
                _recency.Remove(stale);
                _bytes -= stale.Value.Bytes;
            }

            _entries[key] = _recency.AddFirst(entry);
            _bytes += entry.Bytes;
            while (_entries.Count > capacity || _bytes > maxBytes)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= last.Value.Bytes;
            }
        }

        return entry;
    }

    private static Entry Prepare(Schema schema, TextHash key, string query, RequestLimits limits, CancellationToken cancellationToken)
    {
        var document = Executor.Parse(query, limits, cancellationToken, out var syntaxError);
        if (document is null)
        {
            return new Entry(schema, key, null, [syntaxError!], EntryOverheadBytes + ErrorBytes([syntaxError!]));
        }

        var errors = Executor.Validate(schema, document, limits, cancellationToken);
        return errors.Count > 0
            ? new Entry(schema, key, null, errors, EntryOverheadBytes + ErrorBytes(errors))
            : new Entry(schema, key, document, errors, EntryOverheadBytes + DocumentSize.Estimate(document));
    }

    private static long ErrorBytes(IReadOnlyList<GraphQLError> errors)
    {
        long bytes = 0;
        foreach (var error in errors)
        {
            bytes += 128 + (2L * error.Message.Length) + (16L * error.Locations.Count);
        }

        return bytes;
    }

    /// <summary>
    /// One query text: its document when usable, else the errors to send back (an unusable
    /// document is not kept), and the bytes the entry is estimated to hold.
    /// </summary>
    public sealed record Entry(Schema Schema, TextHash Key, DocumentNode? Document, IReadOnlyList<GraphQLError> Errors, long Bytes);

    /// <summary>The SHA-256 of a query text: what the cache keys by instead of the text itself.</summary>
    public readonly record struct TextHash(UInt128 High, UInt128 Low)
    {
        public static TextHash Of(string text)
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
            var halves = MemoryMarshal.Cast<byte, UInt128>(hash);
            return new TextHash(halves[0], halves[1]);
        }
    }

    /// <summary>
    /// An estimate, on the generous side, of the bytes a parsed document holds: an object
    /// header, its fields and a list slot per node, and the characters of every name and value.
    /// </summary>
    private sealed class DocumentSize : SyntaxWalker
    {
        private const long NodeBytes = 96;

        private long _bytes;

        public static long Estimate(DocumentNode document)
        {
            var size = new DocumentSize();
            size.Walk(document);
            return size._bytes;
        }

        protected override bool Enter(SyntaxNode node)
        {
            _bytes += NodeBytes + NamesAndValuesBytes(node);
            return true;
        }

        protected override void Leave(SyntaxNode node)
        {
        }

        // Names are nodes the walk does not visit; each is a node and its string.
        private static long NamesAndValuesBytes(SyntaxNode node) => node switch
        {
            FieldNode n => Name(n.Name) + Name(n.Alias),
            ArgumentNode n => Name(n.Name),
            OperationDefinitionNode n => Name(n.Name),
            FragmentDefinitionNode n => Name(n.Name),
            FragmentSpreadNode n => Name(n.Name),
            NamedTypeNode n => Name(n.Name),
            VariableNode n => Name(n.Name),
            DirectiveNode n => Name(n.Name),
            ObjectFieldNode n => Name(n.Name),
            StringValueNode n => Text(n.Value),
            EnumValueNode n => Text(n.Value),
            IntValueNode n => Text(n.Value),
            FloatValueNode n => Text(n.Value),
            _ => 0,
        };

        private static long Name(NameNode? name) => name is null ? 0 : NodeBytes + Text(name.Value);

        private static long Text(string text) => 24 + (2L * text.Length);
    }
}
