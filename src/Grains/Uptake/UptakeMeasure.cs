namespace InclusionNetwork.Grains.Uptake;

/// <summary>The four uptake measures, named as the <c>Uptake</c> type's fields and the CSV report's <c>measure</c>.</summary>
public enum UptakeMeasure { PeerReview, Leadership, Training, Evaluations }
