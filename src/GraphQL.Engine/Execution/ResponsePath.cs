using System.Text;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// A position in the response (spec 7.1.2 "path"): response keys and list indices from the
/// root. Immutable and shared by prefix, so adding a segment costs one small object.
/// </summary>
public sealed class ResponsePath
{
    private ResponsePath(ResponsePath? parent, string? key, int index)
    {
        Parent = parent;
        Key = key;
        Index = index;
        Depth = parent is null ? 1 : parent.Depth + 1;
    }

    public ResponsePath? Parent { get; }

    /// <summary>The response key (alias or field name), or null for a list index segment.</summary>
    public string? Key { get; }

    /// <summary>The list index when <see cref="Key"/> is null.</summary>
    public int Index { get; }

    public int Depth { get; }

    public static ResponsePath Root(string key) => new(null, key, -1);

    public ResponsePath Append(string key) => new(this, key, -1);

    public ResponsePath Append(int index) => new(this, null, index);

    /// <summary>The segments from the root, strings and ints, as the <c>path</c> of an error.</summary>
    public IReadOnlyList<object> ToList()
    {
        var segments = new object[Depth];
        var current = this;
        for (var i = Depth - 1; i >= 0; i--)
        {
            segments[i] = current!.Key is { } key ? key : current.Index;
            current = current.Parent;
        }

        return segments;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var segment in ToList())
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(segment);
        }

        return builder.ToString();
    }
}
