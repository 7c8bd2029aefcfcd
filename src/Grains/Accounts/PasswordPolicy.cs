using System.Text;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// What a new password must be: at least 12 characters, at most 1,000, and not one built from
/// a common word (the embedded <c>common-passwords.txt</c>, written for this product) or a run of
/// keys, letters or digits. Length does most of the work, as the NCSC advises; the list catches
/// the long passwords people still guess first ("passwordpassword", "Summer2026!!").
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    public const int MaximumLength = 1_000;

    private static readonly string[] Runs =
    [
        "abcdefghijklmnopqrstuvwxyz",
        "01234567890",
        "qwertyuiopasdfghjklzxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    ];

    private static readonly Lazy<HashSet<string>> CommonWords = new(() =>
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded in the Grains assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim());
            }
        }
        return words;
    });

    /// <returns>Why the password may not be used, for the person choosing it; null when it may.</returns>
    public static string? Problem(string password)
    {
        if (password.Length < MinimumLength)
        {
            return $"Your password must be at least {MinimumLength} characters long.";
        }
        if (password.Length > MaximumLength)
        {
            return $"Your password must be at most {MaximumLength} characters long.";
        }
        return IsCommon(password)
            ? "Your password is too easy to guess. Try three or more random words together."
            : null;
    }

    public static bool IsCommon(string password)
    {
        var lowered = password.ToLowerInvariant();
        var core = lowered.Trim(" 0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\|`".ToCharArray());
        var unswapped = Unswap(core);
        if (core.Length == 0 || core.Distinct().Count() == 1 || IsRun(lowered) || IsRun(core))
        {
            return true;
        }
        return IsRepeatOfCommonWord(core) || IsRepeatOfCommonWord(unswapped) || IsRepeatOfCommonWord(lowered.Replace(" ", "", StringComparison.Ordinal));
    }

    private static string Unswap(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', '!' => 'i', _ => c });
        }
        return builder.ToString();
    }

    private static bool IsRun(string text) =>
        text.Length >= 4 && Runs.Any(run => run.Contains(text, StringComparison.Ordinal) || Reverse(run).Contains(text, StringComparison.Ordinal));

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    /// <summary>The text is one or more common words (or digits between them) back to back.</summary>
    private static bool IsRepeatOfCommonWord(string text)
    {
        var letters = new string(text.Where(char.IsLetter).ToArray());
        if (letters.Length == 0)
        {
            return true;
        }
        // Dynamic programme: can the letters be cut entirely into common words?
        var reachable = new bool[letters.Length + 1];
        reachable[0] = true;
        for (var end = 1; end <= letters.Length; end++)
        {
            for (var start = Math.Max(0, end - 24); start < end && !reachable[end]; start++)
            {
                reachable[end] = reachable[start] && CommonWords.Value.Contains(letters[start..end]);
            }
        }
        return reachable[letters.Length];
    }
}
