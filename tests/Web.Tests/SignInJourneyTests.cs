namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(WebFixture web)
{
    [Fact]
    public Task Sign_in_errors_use_the_error_summary_and_a_right_password_signs_in_and_out() => web.RunJourneyAsync("signIn");

    [Fact]
    public Task Sign_in_and_out_work_with_javascript_turned_off() => web.RunJourneyAsync("signInWithoutJavaScript");

    [Fact]
    public Task Signing_out_revokes_the_session_so_its_cookie_signs_no_one_in() => web.RunJourneyAsync("signOutEndsTheSession");

    [Fact]
    public Task Signing_out_needs_the_pages_antiforgery_token() => web.RunJourneyAsync("signOutNeedsTheFormToken");

    [Fact]
    public Task An_unknown_address_gets_page_not_found() => web.RunJourneyAsync("notFound");
}
