using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// Who may see a school's staff (names and emails are personal data): the school's own
/// users and admins. Other concepts widen this where the contract says so (the school's
/// peer-review cluster leader).
/// </summary>
public sealed class StaffVisibility(IEnumerable<IStaffVisibilityRule> extraRules)
{
    public async ValueTask<bool> CanSeeStaffAsync(Viewer? viewer, string schoolUrn, CancellationToken cancellationToken = default)
    {
        if (viewer is null)
        {
            return false;
        }
        if (viewer.ActsFor(schoolUrn))
        {
            return true;
        }
        foreach (var rule in extraRules)
        {
            if (await rule.AllowsAsync(viewer, schoolUrn, cancellationToken))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>A further reason a viewer may see a school's staff.</summary>
public interface IStaffVisibilityRule
{
    ValueTask<bool> AllowsAsync(Viewer viewer, string schoolUrn, CancellationToken cancellationToken);
}
