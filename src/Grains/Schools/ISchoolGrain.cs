using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Schools;

/// <summary>A school, keyed by URN: the one place its staff list changes.</summary>
public interface ISchoolGrain : IGrainWithStringKey
{
    Task<CommandResult<StaffMember>> AddStaffAsync(Viewer viewer, string name, string? email, StaffRole role);

    Task<CommandResult<StaffMember>> RemoveStaffAsync(Viewer viewer, long staffId);

    Task<CommandResult<StaffMember>> ChangeStaffRoleAsync(Viewer viewer, long staffId, StaffRole role);
}
