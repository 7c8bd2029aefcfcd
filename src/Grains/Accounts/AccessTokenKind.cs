namespace InclusionNetwork.Grains.Accounts;

/// <summary>A browser session (sent as a cookie) or a personal access token for scripts (sent as a bearer token).</summary>
public enum AccessTokenKind { SESSION, PERSONAL }
