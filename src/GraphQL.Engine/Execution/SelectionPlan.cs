using System.Text.Json;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// The result of spec 6.3.2 CollectFields for one object type and one (merged) selection set:
/// the fields to execute in response-key order. Computed once and cached, so executing a
/// 1,000-item list collects its fields once, not 1,000 times.
/// </summary>
internal sealed class SelectionPlan
{
    public SelectionPlan(ObjectType type, PlannedField[] fields, bool dependsOnVariables)
    {
        Type = type;
        Fields = fields;
        DependsOnVariables = dependsOnVariables;
        Keys = new string[fields.Length];
        EncodedKeys = new JsonEncodedText[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            Keys[i] = fields[i].ResponseKey;
            EncodedKeys[i] = JsonEncodedText.Encode(fields[i].ResponseKey);
        }
    }

    public ObjectType Type { get; }

    public PlannedField[] Fields { get; }

    public string[] Keys { get; }

    public JsonEncodedText[] EncodedKeys { get; }

    /// <summary>
    /// Whether @skip or @include with a variable decided what is in it; such a plan is only
    /// valid for one request's variables and is cached per request.
    /// </summary>
    public bool DependsOnVariables { get; }
}
