namespace InclusionNetwork.Web.Pages.Shared;

/// <summary>The model of GOV.UK's "Sorry, there is a problem with the service" page.</summary>
public sealed class ServiceProblemModel : InclusionPage
{
    public ServiceProblemModel() => Title = "Sorry, there is a problem with the service";
}
