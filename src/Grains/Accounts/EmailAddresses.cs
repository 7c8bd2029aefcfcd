namespace InclusionNetwork.Grains.Accounts;

/// <summary>The shape an email address must have to be invited or stored: one @, something either side, no spaces.</summary>
public static class EmailAddresses
{
    public const int MaxLength = 254;

    public static bool LooksValid(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email.Length <= MaxLength && at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && email[(at + 1)..].Contains('.', StringComparison.Ordinal) && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }
}
