namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// When an account may still act, in one place so every way in (token and session
/// authentication, sign-in, calendar feed links, who is emailed) asks the same question.
/// </summary>
public static class AccountStatus
{
    /// <summary>
    /// SQL that holds for a live account aliased <c>a</c>: not disabled and, for the account of a
    /// member of staff, that member not removed from their school. Removal keeps the staff row
    /// (history refers to it), so it must be checked here rather than by deleting anything.
    /// </summary>
    public const string LiveSql =
        "(a.disabled_at IS NULL AND NOT EXISTS (SELECT 1 FROM staff removed WHERE removed.id = a.staff_id AND removed.removed_at IS NOT NULL))";
}
