namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(WebFixture web)
{
    [Fact]
    public Task Sign_in_errors_use_the_error_summary_and_a_right_password_signs_in_and_out() => web.RunJourneyAsync("signIn");

    [Fact]
    public Task An_unknown_address_gets_page_not_found() => web.RunJourneyAsync("notFound");
}
