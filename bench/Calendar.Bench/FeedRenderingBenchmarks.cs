using BenchmarkDotNet.Attributes;

namespace InclusionNetwork.Calendar.Bench;

/// <summary>
/// Time and allocations to render one subscription feed of 2,000 events in Europe/London, the
/// size of a busy network member's feed, to a string and to a stream.
/// </summary>
[MemoryDiagnoser]
public class FeedRenderingBenchmarks
{
    private CalendarDocument feed = null!;
    private MemoryStream output = null!;

    [GlobalSetup]
    public void Setup()
    {
        var stamp = new DateTimeOffset(2026, 9, 1, 7, 0, 0, TimeSpan.Zero);
        var firstDay = new DateTime(2026, 9, 1, 9, 30, 0);
        var events = new List<CalendarEvent>(2000);
        for (var i = 0; i < 2000; i++)
        {
            var start = firstDay.AddDays(i % 365).AddMinutes(15 * (i % 20));
            events.Add(new CalendarEvent
            {
                Uid = $"course-run-{i}@inclusion.example",
                DtStamp = stamp,
                Start = EventTime.Zoned(start, "Europe/London"),
                End = EventTime.Zoned(start.AddHours(2), "Europe/London"),
                Summary = $"Course run {i}: Supporting pupils with SEMH needs, part {i % 4 + 1}",
                Location = "County Hall, Room 2; Block B",
                Description = "Bring: pens, paper; your school's SEND register.\nLunch provided.\nCysylltwch â ni: ymholiadau@inclusion.example",
                Url = new Uri($"https://inclusion.example/runs/{i}"),
                Status = i % 10 == 0 ? EventStatus.Cancelled : EventStatus.Confirmed,
                Sequence = i % 3,
                Categories = ["Training", "SEMH"],
            });
        }

        feed = new CalendarDocument
        {
            ProdId = "-//InclusionNetwork//Calendar feed//EN",
            Name = "My courses",
            RefreshInterval = TimeSpan.FromHours(1),
            Events = events,
        };
        output = new MemoryStream(4 * 1024 * 1024);
    }

    [Benchmark]
    public string RenderToString() => CalendarWriter.WriteToString(feed);

    [Benchmark]
    public long RenderToStream()
    {
        output.Position = 0;
        CalendarWriter.Write(feed, output);
        return output.Position;
    }
}
