using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Accounts;

/// <summary>
/// A person's own personal access tokens: listed on <c>me</c>, created after confirming the
/// password, revoked. Only ever one's own: no field or mutation here reaches another account's.
/// </summary>
public sealed class AccessTokensModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Accounts/access-tokens.graphql"))
        .Resolve("Viewer", "accessTokens", async ctx =>
            await ctx.Service<AccountService>().ListPersonalTokensAsync(ctx.Source<Viewer>().AccountId, ctx.CancellationToken))
        .Resolve("AccessToken", "id", ctx => ctx.Source<PersonalToken>().Id.ToString(CultureInfo.InvariantCulture))
        .Resolve("Mutation", "createAccessToken", CreateAsync)
        .Resolve("Mutation", "revokeAccessToken", RevokeAsync);

    /// <summary>
    /// The password is asked again, so a borrowed browser session cannot mint a long-lived
    /// token; wrong passwords count against the account's sign-in throttle like any sign-in.
    /// </summary>
    private static async ValueTask<object?> CreateAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return Created(null, null, [DomainError.NotAllowed("Sign in to create an access token.")]);
        }
        var name = input.String("name")?.Trim() ?? "";
        var days = input.Int("expiresInDays");
        var password = input.String("password") ?? "";
        var errors = new List<DomainError>();
        if (name.Length == 0)
        {
            errors.Add(DomainError.Invalid("Enter a name for the token, so you can tell it apart later.", "input", "name"));
        }
        else if (name.Length > 200)
        {
            errors.Add(DomainError.Invalid("The name must be 200 characters or fewer.", "input", "name"));
        }
        if (days is < 1 or > 365)
        {
            errors.Add(DomainError.Invalid("A token lasts between 1 and 365 days.", "input", "expiresInDays"));
        }
        if (password.Length == 0)
        {
            errors.Add(DomainError.Invalid("Enter your password.", "input", "password"));
        }
        if (errors.Count > 0)
        {
            return Created(null, null, errors);
        }
        var accounts = ctx.Service<AccountService>();
        var outcome = await accounts.SignInAsync(viewer.Email, password, $"account:{viewer.AccountId.ToString(CultureInfo.InvariantCulture)}",
            AccessTokenKind.PERSONAL, name, days, ctx.CancellationToken);
        return outcome switch
        {
            SignInOutcome.SignedIn signedIn when signedIn.Viewer.AccountId == viewer.AccountId => Created(
                new PersonalToken(signedIn.Token.Id, name, ctx.Service<DomainClock>().GetUtcNow(), null, signedIn.Token.ExpiresAt), signedIn.Token.Secret, []),
            SignInOutcome.Throttled => Created(null, null,
                [DomainError.Invalid("Too many wrong passwords. Wait a few minutes, then try again.", "input", "password")]),
            _ => Created(null, null, [DomainError.Invalid("That is not your password.", "input", "password")]),
        };
    }

    private static async ValueTask<object?> RevokeAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return Revoked([DomainError.NotAllowed("Sign in to revoke an access token.")]);
        }
        var notFound = DomainError.NotFound("You have no live token with that id.", "input", "tokenId");
        if (InputReader.ParseId(input.String("tokenId")) is not { } tokenId)
        {
            return Revoked([notFound]);
        }
        return await ctx.Service<AccountService>().RevokeTokenAsync(viewer.AccountId, tokenId, ctx.CancellationToken)
            ? Revoked([])
            : Revoked([notFound]);
    }

    private static object Created(PersonalToken? token, string? secret, IReadOnlyList<DomainError> errors) =>
        new { accessToken = token, token = secret, errors };

    private static object Revoked(IReadOnlyList<DomainError> errors) => new { revoked = errors.Count == 0, errors };
}
