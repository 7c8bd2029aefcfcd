using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// Staff changes of one school. Orleans keeps one activation of the school, so it reads the
/// school and its current staff once and keeps them: each change checks its rule on what it
/// holds and writes in one statement guarded by the school's version. The unique index on
/// current staff emails within a school guards the email rule behind it.
/// </summary>
public sealed class SchoolGrain(SchoolStore store, DomainClock clock) : Grain, ISchoolGrain
{
    private string Urn => this.GetPrimaryKeyString();

    /// <summary>The school as last read or written; null when there is no such school (read again on each call).</summary>
    private SchoolState? held;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => held = await store.LoadAsync(Urn, cancellationToken);

    public async Task<CommandResult<StaffMember>> AddStaffAsync(Viewer viewer, string name, string? email, StaffRole role)
    {
        if (!MayManageStaff(viewer))
        {
            return CommandResult<StaffMember>.Failure(DomainError.NotAllowed("Only the school's bookers and admins may add its staff."));
        }
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            errors.Add(DomainError.Invalid("Enter the person's name (at most 200 characters).", "input", "name"));
        }
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (email is not null && (email.Length > 254 || !email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add(DomainError.Invalid("Enter an email address like name@school.example.", "input", "email"));
        }
        if (errors.Count > 0)
        {
            return new CommandResult<StaffMember>(null, errors);
        }
        var (trimmedName, addedEmail) = (name.Trim(), email);
        var clash = new DomainError(ErrorCodes.Clash, "Someone on this school's staff already has that email address.", ["input", "email"]);
        return await RunAsync(state =>
                !state.Open ? DomainError.Invalid("The school is closed.", "input", "schoolUrn")
                : addedEmail is not null && state.CurrentStaff.Values.Any(s => string.Equals(s.Email, addedEmail, StringComparison.OrdinalIgnoreCase)) ? clash
                : null,
            version => store.AddStaffAsync(Urn, version, trimmedName, addedEmail, role, clock.GetUtcNow()),
            // The unique index on current emails within a school is the backstop of the same rule.
            clash);
    }

    public async Task<CommandResult<StaffMember>> RemoveStaffAsync(Viewer viewer, long staffId)
    {
        if (!MayManageStaff(viewer))
        {
            return CommandResult<StaffMember>.Failure(DomainError.NotAllowed("Only the school's bookers and admins may remove its staff."));
        }
        return await RunAsync(state => state.CurrentStaff.ContainsKey(staffId)
                ? null
                : DomainError.NotFound("The school has no current member of staff with that id.", "input", "staffId"),
            version => store.RemoveStaffAsync(Urn, version, staffId, clock.GetUtcNow()),
            DomainError.NotFound("The school has no current member of staff with that id.", "input", "staffId"));
    }

    public async Task<CommandResult<StaffMember>> ChangeStaffRoleAsync(Viewer viewer, long staffId, StaffRole role)
    {
        if (!MayManageStaff(viewer))
        {
            return CommandResult<StaffMember>.Failure(DomainError.NotAllowed("Only the school's bookers and admins may change its staff's roles."));
        }
        var missing = DomainError.NotFound("The school has no current member of staff with that id.", "input", "staffId");
        return await RunAsync(state => state.CurrentStaff.ContainsKey(staffId) ? null : missing,
            version => store.ChangeStaffRoleAsync(Urn, version, staffId, role),
            missing);
    }

    /// <summary>
    /// Checks the command's rule on the held school, then writes at the held version. A write
    /// that finds the school moved on (a writer outside the grains, or a duplicate activation)
    /// reads it again, checks again and tries once more; a second miss is a conflict.
    /// </summary>
    /// <param name="refusedByDatabase">The answer when the write went through at the version but its row was refused.</param>
    private async Task<CommandResult<StaffMember>> RunAsync(
        Func<SchoolState, DomainError?> rule, Func<int, Task<StaffWrite>> write, DomainError refusedByDatabase)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var fresh = attempt > 0 || held is null;
            if (fresh)
            {
                held = await store.LoadAsync(Urn);
            }
            if (held is not { } state)
            {
                return CommandResult<StaffMember>.Failure(DomainError.NotFound("No school has that URN.", "input", "schoolUrn"));
            }
            if (rule(state) is not null && !fresh)
            {
                // A refusal writes nothing, so no version check would notice a writer outside the
                // grains (an erasure, an import) that changed what the rule read: confirm it on a fresh read.
                held = await store.LoadAsync(Urn);
                if (held is null)
                {
                    return CommandResult<StaffMember>.Failure(DomainError.NotFound("No school has that URN.", "input", "schoolUrn"));
                }
                state = held;
            }
            if (rule(state) is { } refusal)
            {
                return CommandResult<StaffMember>.Failure(refusal);
            }
            var written = await write(state.Version);
            if (written.Stale)
            {
                continue;
            }
            if (written.Member is not { } member)
            {
                // The version moved on but the row was refused: read the school afresh next time.
                held = null;
                return CommandResult<StaffMember>.Failure(refusedByDatabase);
            }
            held = state.After(member);
            return CommandResult<StaffMember>.Success(member);
        }
        return CommandResult<StaffMember>.Failure(new DomainError(ErrorCodes.Conflict, "Someone else changed the school's staff at the same time; try again."));
    }

    private bool MayManageStaff(Viewer viewer) => viewer.IsAdmin || (viewer.Has(Role.SCHOOL_BOOKER) && viewer.SchoolUrn == Urn);
}
