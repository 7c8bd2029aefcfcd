using System.Diagnostics;
using System.Globalization;
using InclusionNetwork.Bench.Planner;
using InclusionNetwork.Grains.PeerReview;

// Planner timings: one cluster, then every cluster of a 600-school county one after another,
// each ILE's earlier visits kept clear in their later clusters (as the grain does through SQL).
var county = new SyntheticCounty();
var today = new DateOnly(2026, 11, 23);

// Warm up the JIT so the first figure is the planner's, not the compiler's.
for (var i = 0; i < 20; i++)
{
    ReviewPlanner.Plan(county.RequestFor(county.Clusters[0], today, new HashSet<DateOnly>()));
}

const int rounds = 200;
var single = Stopwatch.StartNew();
PlanningOutcome? last = null;
for (var i = 0; i < rounds; i++)
{
    last = ReviewPlanner.Plan(county.RequestFor(county.Clusters[i % county.Clusters.Count], today, new HashSet<DateOnly>()));
}
single.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"One cluster of {SyntheticCounty.SchoolsPerCluster} schools: {single.Elapsed.TotalMilliseconds / rounds:F3} ms per plan (mean of {rounds}), {last!.AssignmentsTried} assignments tried, spread {last.Spread}"));

for (var pass = 1; pass <= 3; pass++)
{
    var busy = Enumerable.Range(0, county.LeaderUnavailable.Count).Select(_ => new HashSet<DateOnly>()).ToList();
    var failures = 0;
    long assignments = 0;
    var maxSpread = 0;
    var slowest = TimeSpan.Zero;
    var whole = Stopwatch.StartNew();
    foreach (var cluster in county.Clusters)
    {
        var one = Stopwatch.StartNew();
        var outcome = ReviewPlanner.Plan(county.RequestFor(cluster, today, busy[cluster.Leader]));
        one.Stop();
        slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
        if (!outcome.Succeeded)
        {
            failures++;
            continue;
        }
        assignments += outcome.AssignmentsTried;
        maxSpread = Math.Max(maxSpread, outcome.Spread);
        foreach (var visit in outcome.Visits!)
        {
            busy[cluster.Leader].Add(visit.Date);
        }
    }
    whole.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"County pass {pass}: {county.Clusters.Count} clusters ({SyntheticCounty.Schools} schools, {county.LeaderUnavailable.Count} ILEs sharing {SyntheticCounty.ClustersPerLeader} clusters each) " +
        $"in {whole.Elapsed.TotalMilliseconds:F1} ms; slowest cluster {slowest.TotalMilliseconds:F2} ms; {assignments} assignments; {failures} without a plan; largest spread {maxSpread}"));
}
