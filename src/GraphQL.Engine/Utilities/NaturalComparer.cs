namespace InclusionNetwork.GraphQL.Engine.Utilities;

/// <summary>Orders strings with runs of digits compared by number, so "a2" comes before "a10".</summary>
public sealed class NaturalComparer : IComparer<string>
{
    public static readonly NaturalComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        var i = 0;
        var j = 0;
        while (i < x.Length && j < y.Length)
        {
            var a = x[i];
            var b = y[j];
            if (char.IsAsciiDigit(a) && char.IsAsciiDigit(b))
            {
                var startA = i;
                var startB = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var numberA = decimal.Parse(x.AsSpan(startA, i - startA), provider: System.Globalization.CultureInfo.InvariantCulture);
                var numberB = decimal.Parse(y.AsSpan(startB, j - startB), provider: System.Globalization.CultureInfo.InvariantCulture);
                if (numberA != numberB)
                {
                    return numberA < numberB ? -1 : 1;
                }

                continue;
            }

            if (a != b)
            {
                return a < b ? -1 : 1;
            }

            i++;
            j++;
        }

        return (x.Length - i).CompareTo(y.Length - j);
    }
}
