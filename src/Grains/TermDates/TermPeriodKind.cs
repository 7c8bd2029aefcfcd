namespace InclusionNetwork.Grains.TermDates;

/// <summary>A term (pupils in school) or one of the breaks between and within terms.</summary>
public enum TermPeriodKind { TERM, HALF_TERM, HOLIDAY }
