using InclusionNetwork.Web.Pages.Shared;

namespace InclusionNetwork.Web.Pages.Account;

/// <summary>Where signing out lands.</summary>
public sealed class SignedOutModel : InclusionPage
{
    public void OnGet() => Title = "You have signed out";
}
