namespace InclusionNetwork.Web.Pages.Shared;

/// <summary>The model of the page a signed-in person sees at an address their roles do not open.</summary>
public sealed class NotAllowedModel : InclusionPage
{
    public NotAllowedModel() => Title = "You cannot use this page";
}
