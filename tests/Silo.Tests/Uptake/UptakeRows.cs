using System.Text.Json;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>Uptake rows as plain records, so expected and actual tables compare whole, with readable failures.</summary>
internal static class UptakeRows
{
    public const string PeerReviewFields = "group schools schoolsInCluster schoolsReviewed schoolsImplementingActions participationRate coverageRate";
    public const string LeadershipFields = "group schools schoolsWithSeniorAndMiddleLeader rate";
    public const string TrainingFields = "group schools schoolsEngaged bookings completions completionRate engagementRate";
    public const string EvaluationFields = "responses goodOrExcellentRate improvedKnowledgeRate improvedConfidenceRate followUps implementedRate suppressed";

    public sealed record PeerReviewRow(string Group, int Schools, int InCluster, int Reviewed, int Implementing, double? Participation, double? Coverage)
    {
        public static PeerReviewRow Empty(string group) => new(group, 0, 0, 0, 0, null, null);
    }

    public sealed record LeadershipRow(string Group, int Schools, int WithSeniorAndMiddle, double? Rate)
    {
        public static LeadershipRow Empty(string group) => new(group, 0, 0, null);
    }

    public sealed record TrainingRow(string Group, int Schools, int Engaged, int Bookings, int Completions, double? CompletionRate, double? EngagementRate)
    {
        public static TrainingRow Empty(string group) => new(group, 0, 0, 0, 0, null, null);
    }

    public sealed record EvaluationsRow(int Responses, double? GoodOrExcellent, double? Knowledge, double? Confidence, int FollowUps, double? Implemented, bool Suppressed);

    public static List<PeerReviewRow> ReadPeerReview(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => new PeerReviewRow(r.GetProperty("group").GetString()!, Int(r, "schools"), Int(r, "schoolsInCluster"),
            Int(r, "schoolsReviewed"), Int(r, "schoolsImplementingActions"), Rate(r, "participationRate"), Rate(r, "coverageRate")))];

    public static List<LeadershipRow> ReadLeadership(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => new LeadershipRow(r.GetProperty("group").GetString()!, Int(r, "schools"),
            Int(r, "schoolsWithSeniorAndMiddleLeader"), Rate(r, "rate")))];

    public static List<TrainingRow> ReadTraining(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => new TrainingRow(r.GetProperty("group").GetString()!, Int(r, "schools"), Int(r, "schoolsEngaged"),
            Int(r, "bookings"), Int(r, "completions"), Rate(r, "completionRate"), Rate(r, "engagementRate")))];

    public static EvaluationsRow ReadEvaluations(JsonElement e) =>
        new(Int(e, "responses"), Rate(e, "goodOrExcellentRate"), Rate(e, "improvedKnowledgeRate"), Rate(e, "improvedConfidenceRate"),
            Int(e, "followUps"), Rate(e, "implementedRate"), e.GetProperty("suppressed").GetBoolean());

    /// <summary>Every group of a breakdown in order, the named ones as given and the rest empty.</summary>
    public static List<T> Groups<T>(IReadOnlyList<string> groups, Func<string, T> empty, params T[] known) where T : notnull
    {
        var byGroup = known.ToDictionary(k => (string)k.GetType().GetProperty("Group")!.GetValue(k)!);
        Assert.All(byGroup.Keys, g => Assert.Contains(g, groups));
        return [.. groups.Select(g => byGroup.TryGetValue(g, out var row) ? row : empty(g))];
    }

    /// <summary>A fraction worked out by hand, computed as the server computes it.</summary>
    public static double? R(int numerator, int denominator) => (double)numerator / denominator;

    private static int Int(JsonElement row, string name) => row.GetProperty(name).GetInt32();

    private static double? Rate(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDouble();
}
