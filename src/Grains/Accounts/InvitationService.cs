using System.Globalization;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Messages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// Invitations: who may invite whom (admins anyone to any role; a school's bookers STAFF or
/// SCHOOL_BOOKER of their own school), the email with its single-use link, written to the
/// outbox in the invitation's own transaction, and accepting it, which opens the account and
/// signs its owner in. Tokens are never stored or logged, only their hashes.
/// </summary>
public sealed class InvitationService(
    NpgsqlDataSource dataSource,
    DomainClock clock,
    AccountService accounts,
    Outbox outbox,
    EmailComposer composer,
    IOptions<PeopleOptions> options)
{
    public const int MaxNameLength = 200;

    private const string InvitationColumns = "i.id, i.email, i.name, i.roles, i.school_urn, i.staff_id, i.created_at, i.expires_at";

    private const string OpenSql = "i.accepted_at IS NULL AND i.withdrawn_at IS NULL AND i.expires_at > @now";

    public async Task<CommandResult<Invitation>> InviteAsync(Viewer viewer, InvitationRequest request, CancellationToken cancellationToken = default)
    {
        var roles = request.Roles.Distinct().Order().ToList();
        var schoolBound = roles.Any(RoleNames.IsSchoolBound);
        var schoolUrn = string.IsNullOrWhiteSpace(request.SchoolUrn) ? null : request.SchoolUrn.Trim();
        if (!viewer.IsAdmin)
        {
            if (!viewer.Has(Role.SCHOOL_BOOKER) || viewer.SchoolUrn is null)
            {
                return CommandResult<Invitation>.Failure(DomainError.NotAllowed("Only admins and school bookers may invite people."));
            }
            if (roles.Any(r => !RoleNames.IsSchoolBound(r)))
            {
                return CommandResult<Invitation>.Failure(new DomainError(ErrorCodes.NotAllowed,
                    "School bookers may invite people as STAFF or SCHOOL_BOOKER only.", ["input", "roles"]));
            }
            schoolUrn ??= viewer.SchoolUrn;
            if (schoolUrn != viewer.SchoolUrn)
            {
                return CommandResult<Invitation>.Failure(new DomainError(ErrorCodes.NotAllowed,
                    "School bookers may invite people to their own school only.", ["input", "schoolUrn"]));
            }
        }
        var email = request.Email.Trim();
        var name = request.Name.Trim();
        if (!EmailAddresses.LooksValid(email))
        {
            return CommandResult<Invitation>.Failure(DomainError.Invalid("Enter an email address in the correct format, like name@example.com.", "input", "email"));
        }
        if (name.Length is 0 or > MaxNameLength)
        {
            return CommandResult<Invitation>.Failure(DomainError.Invalid($"Enter the person's name, at most {MaxNameLength} characters.", "input", "name"));
        }
        if (roles.Count == 0)
        {
            return CommandResult<Invitation>.Failure(DomainError.Invalid("Choose at least one role.", "input", "roles"));
        }
        if (schoolBound && schoolUrn is null)
        {
            return CommandResult<Invitation>.Failure(DomainError.Invalid("Choose the school for the STAFF and SCHOOL_BOOKER roles.", "input", "schoolUrn"));
        }
        if (request.StaffId is not null && schoolUrn is null)
        {
            return CommandResult<Invitation>.Failure(DomainError.Invalid("A member of staff can only be linked with their school.", "input", "schoolUrn"));
        }

        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string? schoolName = null;
        if (schoolUrn is not null)
        {
            await using var school = new NpgsqlCommand("SELECT name FROM schools WHERE urn = @urn", connection, transaction);
            school.Parameters.AddWithValue("urn", schoolUrn);
            schoolName = await school.ExecuteScalarAsync(cancellationToken) as string;
            if (schoolName is null)
            {
                return CommandResult<Invitation>.Failure(DomainError.NotFound("No school has that URN.", "input", "schoolUrn"));
            }
        }
        if (request.StaffId is { } staffId)
        {
            await using var staff = new NpgsqlCommand("""
                SELECT EXISTS (SELECT 1 FROM staff s WHERE s.id = @staff AND s.school_urn = @urn AND s.removed_at IS NULL),
                       EXISTS (SELECT 1 FROM accounts a WHERE a.staff_id = @staff)
                """, connection, transaction);
            staff.Parameters.AddWithValue("staff", staffId);
            staff.Parameters.AddWithValue("urn", schoolUrn!);
            await using var reader = await staff.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (!reader.GetBoolean(0))
            {
                return CommandResult<Invitation>.Failure(DomainError.NotFound("The school has no current member of staff with that id.", "input", "staffId"));
            }
            if (reader.GetBoolean(1))
            {
                return CommandResult<Invitation>.Failure(new DomainError(ErrorCodes.AccountExists, "That member of staff has an account already.", ["input", "staffId"]));
            }
        }
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(@email))", connection, transaction))
        {
            exists.Parameters.AddWithValue("email", email);
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return CommandResult<Invitation>.Failure(new DomainError(ErrorCodes.AccountExists, "Someone already has an account with that email address.", ["input", "email"]));
            }
        }
        // A new invitation replaces any open one to the same address, so only the latest link works.
        await using (var replace = new NpgsqlCommand(
            $"UPDATE invitations i SET withdrawn_at = @now WHERE lower(i.email) = lower(@email) AND {OpenSql}", connection, transaction))
        {
            replace.Parameters.AddWithValue("email", email);
            replace.Parameters.AddWithValue("now", now);
            await replace.ExecuteNonQueryAsync(cancellationToken);
        }
        var token = SecretTokens.New();
        var expiresAt = now + options.Value.InvitationLifetime;
        await using var insert = new NpgsqlCommand("""
            INSERT INTO invitations (email, name, roles, school_urn, staff_id, invited_by, token_hash, created_at, expires_at)
            VALUES (@email, @name, @roles, @school, @staff, @by, @hash, @now, @expires) RETURNING id
            """, connection, transaction);
        insert.Parameters.AddWithValue("email", email);
        insert.Parameters.AddWithValue("name", name);
        insert.Parameters.AddWithValue("roles", roles.Select(r => r.ToString()).ToArray());
        insert.Parameters.AddWithValue("school", NpgsqlTypes.NpgsqlDbType.Text, (object?)schoolUrn ?? DBNull.Value);
        insert.Parameters.AddWithValue("staff", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)request.StaffId ?? DBNull.Value);
        insert.Parameters.AddWithValue("by", viewer.AccountId);
        insert.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("expires", expiresAt);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;

        var to = schoolName is null ? RoleNames.Describe(roles) : $"{RoleNames.Describe(roles)} for {schoolName}";
        var settings = composer.Settings;
        var message = composer.Compose(name, $"You have been invited to {settings.ServiceName}",
            [
                $"{viewer.Name} has invited you to use {settings.ServiceName} as {to}.",
                "To accept, choose a password using this link:",
            ],
            options.Value.Link("invitations", token),
            [
                $"The link works once, until {MessageTimes.Describe(expiresAt)}.",
                "If you were not expecting this email, you can ignore it. No account is made unless you use the link.",
            ]);
        await outbox.EnqueueAsync(connection, transaction, "INVITATION", email, message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult<Invitation>.Success(new Invitation(id, email, name, roles, schoolUrn, request.StaffId, now, expiresAt));
    }

    public async Task<CommandResult<Invitation>> WithdrawAsync(Viewer viewer, long invitationId, CancellationToken cancellationToken = default)
    {
        var notFound = DomainError.NotFound("There is no open invitation with that id.", "input", "invitationId");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Invitation? invitation;
        await using (var find = new NpgsqlCommand($"SELECT {InvitationColumns} FROM invitations i WHERE i.id = @id AND {OpenSql} FOR UPDATE", connection, transaction))
        {
            find.Parameters.AddWithValue("id", invitationId);
            find.Parameters.AddWithValue("now", clock.GetUtcNow());
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            invitation = await reader.ReadAsync(cancellationToken) ? ReadInvitation(reader) : null;
        }
        if (invitation is null || !MayManage(viewer, invitation))
        {
            // A booker is not told whether another school's invitation exists.
            return CommandResult<Invitation>.Failure(viewer.IsAdmin || viewer.Has(Role.SCHOOL_BOOKER)
                ? notFound
                : DomainError.NotAllowed("Only admins and school bookers may withdraw invitations."));
        }
        await using var withdraw = new NpgsqlCommand("UPDATE invitations SET withdrawn_at = @now WHERE id = @id", connection, transaction);
        withdraw.Parameters.AddWithValue("id", invitationId);
        withdraw.Parameters.AddWithValue("now", clock.GetUtcNow());
        await withdraw.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult<Invitation>.Success(invitation);
    }

    /// <summary>Open invitations: every one for admins, their school's for bookers, none for anyone else.</summary>
    public async Task<IReadOnlyList<Invitation>> ListOpenAsync(Viewer? viewer, CancellationToken cancellationToken = default)
    {
        if (viewer is null || (!viewer.IsAdmin && !(viewer.Has(Role.SCHOOL_BOOKER) && viewer.SchoolUrn is not null)))
        {
            return [];
        }
        await using var command = dataSource.CreateCommand($"""
            SELECT {InvitationColumns} FROM invitations i
            WHERE {OpenSql} AND (@school::text IS NULL OR i.school_urn = @school)
            ORDER BY i.created_at DESC, i.id DESC
            """);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("school", NpgsqlTypes.NpgsqlDbType.Text, viewer.IsAdmin ? DBNull.Value : viewer.SchoolUrn!);
        var invitations = new List<Invitation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            invitations.Add(ReadInvitation(reader));
        }
        return invitations;
    }

    /// <summary>The open invitation a token stands for, with who sent it; null for any token that would not be accepted.</summary>
    public async Task<InvitationPreview?> PreviewAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!SecretTokens.LooksValid(token))
        {
            return null;
        }
        await using var command = dataSource.CreateCommand($"""
            SELECT {InvitationColumns}, coalesce(inviter.name, 'An administrator')
            FROM invitations i LEFT JOIN accounts inviter ON inviter.id = i.invited_by
            WHERE i.token_hash = @hash AND {OpenSql}
            """);
        command.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new InvitationPreview(ReadInvitation(reader), reader.GetString(8)) : null;
    }

    /// <summary>Opens the invited account with the chosen password and signs its owner in; the link then stops working.</summary>
    public async Task<CommandResult<SignedInAccount>> AcceptAsync(string token, string password, CancellationToken cancellationToken = default)
    {
        var invalidToken = new DomainError(ErrorCodes.InvalidToken,
            "This invitation link does not work. It may have been used, withdrawn or have expired. Ask whoever invited you to send a new one.", ["input", "token"]);
        if (!SecretTokens.LooksValid(token))
        {
            return CommandResult<SignedInAccount>.Failure(invalidToken);
        }
        if (PasswordProblem(password) is { } problem)
        {
            return CommandResult<SignedInAccount>.Failure(problem);
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Invitation? invitation;
        await using (var find = new NpgsqlCommand($"SELECT {InvitationColumns} FROM invitations i WHERE i.token_hash = @hash AND {OpenSql} FOR UPDATE", connection, transaction))
        {
            find.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
            find.Parameters.AddWithValue("now", clock.GetUtcNow());
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            invitation = await reader.ReadAsync(cancellationToken) ? ReadInvitation(reader) : null;
        }
        if (invitation is null)
        {
            return CommandResult<SignedInAccount>.Failure(invalidToken);
        }
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(@email))", connection, transaction))
        {
            exists.Parameters.AddWithValue("email", invitation.Email);
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return CommandResult<SignedInAccount>.Failure(new DomainError(ErrorCodes.AccountExists,
                    "Someone already has an account with this email address. Sign in, or reset the password.", ["input", "token"]));
            }
        }
        var viewer = await accounts.CreateAsync(connection, transaction,
            new NewAccount(invitation.Email, invitation.Name, password, invitation.Roles, invitation.SchoolUrn, invitation.StaffId), cancellationToken);
        await using (var accepted = new NpgsqlCommand("UPDATE invitations SET accepted_at = @now, account_id = @account WHERE id = @id", connection, transaction))
        {
            accepted.Parameters.AddWithValue("id", invitation.Id);
            accepted.Parameters.AddWithValue("account", viewer.AccountId);
            accepted.Parameters.AddWithValue("now", clock.GetUtcNow());
            await accepted.ExecuteNonQueryAsync(cancellationToken);
        }
        var session = await accounts.StartSessionAsync(connection, transaction, viewer.AccountId, cancellationToken);
        var account = await AccountService.FindAccountAsync(connection, transaction, viewer.AccountId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult<SignedInAccount>.Success(new SignedInAccount(account!, session));
    }

    /// <summary>The password rules as a UserError on <c>input.password</c>, or null when it may be used.</summary>
    public static DomainError? PasswordProblem(string password)
    {
        if (PasswordPolicy.Problem(password) is not { } problem)
        {
            return null;
        }
        var code = password.Length < PasswordPolicy.MinimumLength ? ErrorCodes.PasswordTooShort
            : password.Length > PasswordPolicy.MaximumLength ? ErrorCodes.Invalid
            : ErrorCodes.PasswordTooCommon;
        return new DomainError(code, problem, ["input", "password"]);
    }

    private static bool MayManage(Viewer viewer, Invitation invitation) =>
        viewer.IsAdmin || (viewer.Has(Role.SCHOOL_BOOKER) && viewer.SchoolUrn is not null && invitation.SchoolUrn == viewer.SchoolUrn);

    private static Invitation ReadInvitation(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<string[]>(3).Select(Enum.Parse<Role>).ToList(),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetInt64(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetFieldValue<DateTimeOffset>(7));
}
