using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.5.2.2 Fragment spreads must not form cycles. Each cycle is reported once, at the
/// spreads that form it, by a depth-first search over fragment spreads.
/// </summary>
public sealed class NoFragmentCyclesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndexByName = new(StringComparer.Ordinal);

    public override bool Enter(SyntaxNode node)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            DetectCycles(fragment);
        }

        return node is DocumentNode;
    }

    private void DetectCycles(FragmentDefinitionNode fragment)
    {
        var name = fragment.Name.Value;
        if (!_visited.Add(name))
        {
            return;
        }

        var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        _spreadPathIndexByName[name] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
            {
                if (Context.GetFragment(spreadName) is { } target)
                {
                    DetectCycles(target);
                }
            }
            else
            {
                var cycle = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
                var via = new List<string>();
                for (var i = 0; i < cycle.Count - 1; i++)
                {
                    via.Add("\"" + cycle[i].Name.Value + "\"");
                }

                Report(
                    $"Cannot spread fragment \"{spreadName}\" within itself" + (via.Count > 0 ? " via " + string.Join(", ", via) + "." : "."),
                    [.. cycle]);
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }

        _spreadPathIndexByName.Remove(name);
    }
}
