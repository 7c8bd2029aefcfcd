namespace InclusionNetwork.GraphQL.Engine.Utilities;

/// <summary>
/// Picks the options close enough to a mistyped input to suggest, ordered by edit distance
/// (optimal string alignment, case-insensitive) and then naturally, as graphql-js does.
/// </summary>
public static class SuggestionList
{
    public static IReadOnlyList<string> For(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var inputLower = input.ToLowerInvariant();
        var found = new List<(string Option, int Distance)>();
        foreach (var option in options)
        {
            var distance = Measure(input, inputLower, option, threshold);
            if (distance >= 0)
            {
                found.Add((option, distance));
            }
        }

        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance - b.Distance : NaturalComparer.Instance.Compare(a.Option, b.Option));
        var result = new string[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            result[i] = found[i].Option;
        }

        return result;
    }

    /// <summary>The distance between input and option, or -1 when beyond the threshold.</summary>
    private static int Measure(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        var optionLower = option.ToLowerInvariant();

        // A difference in case only is the closest kind of mistake.
        if (inputLower == optionLower)
        {
            return 1;
        }

        var longer = optionLower;
        var shorter = inputLower;
        if (longer.Length < shorter.Length)
        {
            (longer, shorter) = (shorter, longer);
        }

        if (longer.Length - shorter.Length > threshold)
        {
            return -1;
        }

        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[shorter.Length + 1];
        }

        for (var j = 0; j <= shorter.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= longer.Length; i++)
        {
            var above = rows[(i - 1) % 3];
            var current = rows[i % 3];
            var smallest = current[0] = i;
            for (var j = 1; j <= shorter.Length; j++)
            {
                var cost = longer[i - 1] == shorter[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(above[j] + 1, current[j - 1] + 1), above[j - 1] + cost);
                if (i > 1 && j > 1 && longer[i - 1] == shorter[j - 2] && longer[i - 2] == shorter[j - 1])
                {
                    cell = Math.Min(cell, rows[(i - 2) % 3][j - 2] + 1);
                }

                smallest = Math.Min(smallest, cell);
                current[j] = cell;
            }

            if (smallest > threshold)
            {
                return -1;
            }
        }

        var distance = rows[longer.Length % 3][shorter.Length];
        return distance <= threshold ? distance : -1;
    }
}
