using InclusionNetwork.Grains.Accounts;
using Microsoft.AspNetCore.Http;

namespace InclusionNetwork.Web.Session;

/// <summary>
/// The host's sign-in, as the pages use it: the same session cookie and token lookup as
/// <c>POST /auth/session</c>, so a page and the API see one signed-in person.
/// </summary>
public interface IPageSession
{
    /// <summary>The signed-in person of this request, or null when signed out.</summary>
    Viewer? Viewer(HttpContext context);

    /// <summary>Checks the credentials and, when right, sets the session cookie on the response.</summary>
    Task<SessionStart> StartAsync(HttpContext context, string email, string password, CancellationToken cancellationToken);

    /// <summary>Keeps a session the schema has already started (accepting an invitation signs the new account in) as the session cookie.</summary>
    void Adopt(HttpContext context, string token, DateTimeOffset expiresAt);

    /// <summary>Revokes this request's session token, if any, and removes the cookie.</summary>
    Task EndAsync(HttpContext context, CancellationToken cancellationToken);
}

/// <summary>What came of a sign-in attempt, in words a page can show.</summary>
public abstract record SessionStart
{
    private SessionStart()
    {
    }

    public sealed record Started : SessionStart;

    /// <summary>Wrong credentials, too long a value, or too many failures: the message says which, never whether the account exists.</summary>
    public sealed record Refused(string Message) : SessionStart;
}
