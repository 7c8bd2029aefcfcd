using InclusionNetwork.Web.Forms;

namespace InclusionNetwork.Web.Pages.PeerReview;

/// <summary>What the school picker partial draws: the picker, the form's errors, the legend over the schools, and the handler of its "Find schools" button.</summary>
public sealed record SchoolPickerView(SchoolPicker Picker, FormErrors Errors, string Legend, string FindHandler);
