using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// Who may see a school's staff (names and emails are personal data): the school's own
/// users and admins. Other concepts widen this where the contract says so (the school's
/// peer-review cluster leader). Decided for a whole set of schools at once, so a list of
/// many rows costs one query per rule, never one per row.
/// </summary>
public sealed class StaffVisibility(IEnumerable<IStaffVisibilityRule> extraRules)
{
    /// <summary>Of <paramref name="schoolUrns"/>, those whose staff the viewer may see.</summary>
    public async Task<IReadOnlySet<string>> SchoolsVisibleToAsync(Viewer? viewer, IReadOnlyCollection<string> schoolUrns, CancellationToken cancellationToken = default)
    {
        var visible = new HashSet<string>(StringComparer.Ordinal);
        if (viewer is null)
        {
            return visible;
        }
        var undecided = new List<string>();
        foreach (var urn in schoolUrns.Distinct(StringComparer.Ordinal))
        {
            if (viewer.ActsFor(urn))
            {
                visible.Add(urn);
            }
            else
            {
                undecided.Add(urn);
            }
        }
        foreach (var rule in extraRules)
        {
            if (undecided.Count == 0)
            {
                break;
            }
            var allowed = await rule.AllowedSchoolsAsync(viewer, undecided, cancellationToken);
            visible.UnionWith(allowed);
            undecided.RemoveAll(allowed.Contains);
        }
        return visible;
    }

    public async Task<bool> CanSeeStaffAsync(Viewer? viewer, string schoolUrn, CancellationToken cancellationToken = default) =>
        (await SchoolsVisibleToAsync(viewer, [schoolUrn], cancellationToken)).Contains(schoolUrn);
}

/// <summary>A further reason a viewer may see schools' staff, decided for many schools in one go.</summary>
public interface IStaffVisibilityRule
{
    /// <summary>Of <paramref name="schoolUrns"/> (never empty), those this rule lets the viewer see.</summary>
    Task<IReadOnlySet<string>> AllowedSchoolsAsync(Viewer viewer, IReadOnlyCollection<string> schoolUrns, CancellationToken cancellationToken);
}
