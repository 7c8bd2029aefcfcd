using System.Globalization;
using System.Text;

namespace InclusionNetwork.Silo.DemoData;

/// <summary>
/// The demo county's establishments, written as a "Get Information about Schools" extract
/// so they go through the same importer as real data. Deterministic: the same file every
/// time. About 50 establishments per district (some 600 in all) with a realistic mix of
/// phases and types; every name is invented and every URN is in the 9xxxxx range, which
/// GIAS does not use for schools in England, so nothing can be mistaken for a real school.
/// </summary>
public static class DemoSchools
{
    public static readonly IReadOnlyList<(string Name, string[] Postcodes, string[] Places)> Districts =
    [
        ("Dartford", ["DA1", "DA2", "DA4"], ["Brookfield", "Hawley Green", "Stonewick", "Riverside", "Wilmington Vale", "Joydens Park", "Temple Hill Rise", "Darenth Mead"]),
        ("Gravesham", ["DA11", "DA12", "DA13"], ["Northfleet Cross", "Riverview", "Chalkhurst", "Singlewell", "Istead Green", "Cobham Vale", "Denton Quay", "Meopham End"]),
        ("Sevenoaks", ["TN13", "TN14", "TN15"], ["Kemsing Down", "Otford Mill", "Weald Hill", "Riverhead Park", "Seal Chart", "Halstead Common", "Edenbridge Lees", "Dunton Wood"]),
        ("Ashford", ["TN23", "TN24", "TN25"], ["Kennington Vale", "Willesborough Lees", "Bybrook", "Godinton", "Singleton Green", "Wye Down", "Charing Heath", "Hamstreet Marsh"]),
        ("Dover", ["CT15", "CT16", "CT17"], ["Whitfield Hill", "River Dour", "Aycliffe", "Eythorne Green", "Capel Down", "Deal Marina", "Sandwich Bay", "Aylesham Park"]),
        ("Folkestone and Hythe", ["CT18", "CT19", "CT20", "CT21"], ["Cheriton Mead", "Harbour View", "Seabrook", "Sandgate Cliff", "Lyminge Wood", "Hawkinge Down", "Dymchurch Sands", "New Romney Marsh"]),
        ("Canterbury", ["CT1", "CT2", "CT3", "CT6"], ["Westgate Towers", "Stour Meadow", "Blean Wood", "Sturry Mill", "Chartham Hatch", "Herne Bay", "Whitstable Harbour", "Bekesbourne"]),
        ("Swale", ["ME10", "ME12", "ME13"], ["Milton Creek", "Kemsley", "Minster Cliffs", "Eastchurch", "Faversham Creek", "Boughton Lees", "Teynham Green", "Iwade Marsh"]),
        ("Thanet", ["CT9", "CT10", "CT11", "CT12"], ["Cliftonville", "Westbrook Bay", "Northdown Park", "Broadstairs Cliff", "St Peter's Green", "Ramsgate Harbour", "Minster Abbey", "Birchington Bay"]),
        ("Maidstone", ["ME14", "ME15", "ME16", "ME17"], ["Allington Lock", "Bearsted Green", "Shepway Cross", "Loose Valley", "Coxheath", "Headcorn Meadow", "Marden Orchard", "Boughton Monchelsea"]),
        ("Tonbridge and Malling", ["ME19", "ME20", "TN9", "TN11"], ["Kings Hill", "West Malling Abbey", "Larkfield Lakes", "Snodland Quay", "Hadlow Down", "Hildenborough", "Borough Green", "Aylesford Bridge"]),
        ("Tunbridge Wells", ["TN1", "TN2", "TN3", "TN4"], ["Pantiles", "St John's Common", "Southborough Vale", "Rusthall Rocks", "Pembury Wood", "Paddock Wood", "Cranbrook Weald", "Hawkhurst Moor"]),
    ];

    private static readonly (string Phase, string Type, int Count)[] MixPerDistrict =
    [
        ("Primary", "Community school", 12),
        ("Primary", "Voluntary controlled school", 4),
        ("Primary", "Voluntary aided school", 4),
        ("Primary", "Academy converter", 8),
        ("Primary", "Academy sponsor led", 3),
        ("Primary", "Free schools", 1),
        ("Secondary", "Academy converter", 3),
        ("Secondary", "Academy sponsor led", 1),
        ("Secondary", "Foundation school", 1),
        ("Secondary", "Free schools", 1),
        ("All-through", "Academy converter", 1),
        ("Not applicable", "Community special school", 2),
        ("Not applicable", "Academy special converter", 1),
        ("Not applicable", "Pupil referral unit", 1),
        ("Not applicable", "Other independent school", 1),
        ("16 plus", "Academy 16-19 converter", 1),
        ("Nursery", "Local authority nursery school", 1),
        ("Not applicable", "Early years setting", 5),
    ];

    private static readonly string[] Saints = ["St Mary's", "St Peter's", "St John's", "Holy Trinity", "St Augustine's", "St Nicholas'", "Christ Church", "St Margaret's"];
    private static readonly string[] EarlyYearsNames = ["Little Acorns", "Rainbow", "Busy Bees", "Sunflower", "Treetops", "Puddle Ducks", "Honeypot", "Ladybird"];

    public const string Header = "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),EstablishmentStatus (name),DistrictAdministrative (name),Postcode";

    /// <summary>The extract as CSV text.</summary>
    public static string Csv()
    {
        var random = new Random(20250901);
        var csv = new StringBuilder(Header).Append("\r\n");
        var urn = 900000;
        foreach (var (district, postcodes, places) in Districts)
        {
            var placeIndex = 0;
            foreach (var (phase, type, count) in MixPerDistrict)
            {
                for (var i = 0; i < count; i++)
                {
                    urn += 1 + random.Next(3);
                    var place = places[placeIndex++ % places.Length];
                    var name = NameFor(phase, type, place, i, random);
                    // About one in forty establishments has closed: it stays in the file, marked.
                    var status = random.Next(40) == 0 ? "Closed" : "Open";
                    var postcode = $"{postcodes[random.Next(postcodes.Length)]} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
                    csv.Append(urn.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(Quote(name)).Append(',')
                        .Append(Quote(type)).Append(',')
                        .Append(Quote(phase)).Append(',')
                        .Append(status).Append(',')
                        .Append(Quote(district)).Append(',')
                        .Append(postcode).Append("\r\n");
                }
            }
        }
        return csv.ToString();
    }

    private static string NameFor(string phase, string type, string place, int index, Random random) => (phase, type) switch
    {
        ("Primary", "Voluntary aided school") => $"{Saints[random.Next(Saints.Length)]} Catholic Primary School, {place}",
        ("Primary", "Voluntary controlled school") => $"{Saints[random.Next(Saints.Length)]} CE Primary School, {place}",
        ("Primary", "Free schools") => $"{place} Free School",
        ("Primary", _) => index % 3 == 0 ? $"{place} Infant and Junior School" : $"{place} Primary School",
        ("Secondary", "Free schools") => $"{place} Free Secondary School",
        ("Secondary", _) => index % 2 == 0 ? $"{place} Academy" : $"{place} High School",
        ("All-through", _) => $"{place} All-Through Academy",
        ("16 plus", _) => $"{place} Sixth Form College",
        ("Nursery", _) => $"{place} Nursery School",
        (_, "Early years setting") => $"{EarlyYearsNames[random.Next(EarlyYearsNames.Length)]} Pre-School, {place}",
        (_, "Pupil referral unit") => $"{place} Learning Centre",
        (_, "Other independent school") => $"{place} Preparatory School",
        _ => $"{place} Special School",
    };

    private static string Quote(string value) =>
        value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
