namespace InclusionNetwork.Grains.Accounts;

/// <summary>Roles as people read them in messages.</summary>
public static class RoleNames
{
    public static string Describe(Role role) => role switch
    {
        Role.STAFF => "a member of staff",
        Role.SCHOOL_BOOKER => "a school booker",
        Role.LEADER => "an Inclusion Leader of Education",
        Role.PROVIDER => "a training provider",
        Role.COMMISSIONER => "a commissioner",
        Role.ADMIN => "an administrator",
        Role.NETWORK_LEAD => "a network lead",
        _ => role.ToString(),
    };

    /// <summary>"a school booker and a member of staff".</summary>
    public static string Describe(IEnumerable<Role> roles)
    {
        var words = roles.Select(Describe).ToList();
        return words.Count <= 1 ? string.Concat(words) : string.Join(", ", words[..^1]) + " and " + words[^1];
    }

    public static bool IsSchoolBound(Role role) => role is Role.STAFF or Role.SCHOOL_BOOKER;
}
