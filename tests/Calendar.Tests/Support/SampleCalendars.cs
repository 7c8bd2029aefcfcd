namespace InclusionNetwork.Calendar.Tests.Support;

/// <summary>Calendars whose text is hard to get right: escapes, line breaks and every UTF-8 width.</summary>
internal static class SampleCalendars
{
    public const string London = "Europe/London";

    /// <summary>Commas, semicolons, backslashes, both kinds of line break, and a tab.</summary>
    public const string Punctuated = "Bring: pens, paper; laptops\\tablets.\nRoom 2, Block B;\nAsk at reception\\desk\tplease.";

    /// <summary>Long enough to fold several times, in Welsh with its accented vowels.</summary>
    public static readonly string Welsh = string.Concat(Enumerable.Repeat(
        "Cyfarfod rhwydwaith cynhwysiant ysgolion cynradd: ŵ ŷ â ê î ô û ï, Llanfairpwllgwyngyll a Chaerdydd. ", 4));

    /// <summary>Four-octet characters (surrogate pairs in .NET), including a ZWJ sequence.</summary>
    public static readonly string Emoji = string.Concat(Enumerable.Repeat("Hyfforddiant 🎓📚✏️ 🧑‍🏫 👩🏽‍💻 ", 8));

    /// <summary>Three-octet characters with no ASCII in between.</summary>
    public static readonly string Cjk = string.Concat(Enumerable.Repeat("包容性教育网络会议，学校同伴评审。", 6));

    public static readonly DateTimeOffset Stamp = new(2026, 9, 1, 7, 15, 0, TimeSpan.Zero);

    public static CalendarEvent Timed(string uid, DateTime start, DateTime end, string summary = "Inclusion network meeting") => new()
    {
        Uid = uid,
        DtStamp = Stamp,
        Start = EventTime.Zoned(start, London),
        End = EventTime.Zoned(end, London),
        Summary = summary,
    };

    public static CalendarEvent AllDay(string uid, DateOnly first, DateOnly dayAfterLast, string summary = "Peer review visit") => new()
    {
        Uid = uid,
        DtStamp = Stamp,
        Start = EventTime.AllDay(first),
        End = EventTime.AllDay(dayAfterLast),
        Summary = summary,
    };

    /// <summary>One feed with every kind of value the writer emits.</summary>
    public static CalendarDocument Everything() => new()
    {
        ProdId = "-//InclusionNetwork//Calendar feed//EN",
        Name = "Cwrs a chyfarfodydd; courses, meetings",
        RefreshInterval = TimeSpan.FromHours(1),
        Events =
        [
            new CalendarEvent
            {
                Uid = "run-42@inclusion.example",
                DtStamp = Stamp,
                Start = EventTime.Zoned(new DateTime(2026, 10, 26, 9, 30, 0), London),
                End = EventTime.Zoned(new DateTime(2026, 10, 26, 15, 0, 0), London),
                Summary = "Autism awareness, part 1; with a \\ backslash",
                Location = "Room 2, Block B; County Hall",
                Description = Punctuated,
                Url = new Uri("https://inclusion.example/runs/42?from=feed&lang=cy"),
                Status = EventStatus.Confirmed,
                Sequence = 3,
                Categories = ["Training", "SEND, autism"],
            },
            new CalendarEvent
            {
                Uid = "welsh@inclusion.example",
                DtStamp = Stamp,
                Start = EventTime.Zoned(new DateTime(2026, 3, 29, 10, 0, 0), London),
                End = EventTime.Zoned(new DateTime(2026, 3, 29, 11, 0, 0), London),
                Summary = Welsh,
                Description = Emoji,
                Location = Cjk,
                Status = EventStatus.Tentative,
                Sequence = 0,
            },
            new CalendarEvent
            {
                Uid = "cancelled@inclusion.example",
                DtStamp = Stamp,
                Start = EventTime.Zoned(new DateTime(2026, 10, 25, 1, 30, 0), London),
                End = EventTime.Zoned(new DateTime(2026, 10, 25, 3, 0, 0), London),
                Summary = "Cancelled: cluster meeting",
                Status = EventStatus.Cancelled,
                Sequence = 7,
            },
            new CalendarEvent
            {
                Uid = "visit@inclusion.example",
                DtStamp = Stamp,
                Start = EventTime.AllDay(new DateOnly(2026, 11, 9)),
                End = EventTime.AllDay(new DateOnly(2026, 11, 11)),
                Summary = "Peer review visit, two days",
            },
            new CalendarEvent
            {
                Uid = "network@inclusion.example",
                DtStamp = Stamp,
                Start = EventTime.Zoned(new DateTime(2026, 2, 10, 16, 0, 0), London),
                End = EventTime.Zoned(new DateTime(2026, 2, 10, 17, 30, 0), London),
                Summary = "Locality network",
                Recurrence = RecurrenceRule.Parse("FREQ=MONTHLY;COUNT=10;BYDAY=2TU"),
                ExcludedStarts = [EventTime.Zoned(new DateTime(2026, 4, 14, 16, 0, 0), London)],
            },
        ],
    };
}
