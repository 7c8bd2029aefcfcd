namespace InclusionNetwork.Calendar;

/// <summary>
/// Turns a wall-clock time in a zone into an instant the way RFC 5545 3.3.5 says a DATE-TIME
/// with TZID is read, including the two cases where the clock is not one-to-one.
/// </summary>
public static class WallClock
{
    /// <summary>
    /// The instant of <paramref name="wallClock"/> in <paramref name="zone"/>. A time the clocks
    /// skip (01:30 on the last Sunday of March in London) is read with the offset before the gap,
    /// so it lands an hour later; a time that happens twice (01:30 on the last Sunday of October)
    /// is the first of the two.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime wallClock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Step back to a wall-clock time before the gap; gaps are hours long at most except
            // for a whole skipped day (Samoa, 2011), which this also covers.
            var probe = local;
            do
            {
                probe = probe.AddHours(-1);
            }
            while (zone.IsInvalidTime(probe));

            var before = zone.GetUtcOffset(probe);
            return new DateTimeOffset(local.Ticks - before.Ticks, TimeSpan.Zero).ToOffset(zone.GetUtcOffset(new DateTime(local.Ticks - before.Ticks, DateTimeKind.Utc)));
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the earlier instant, i.e. the one with the larger offset.
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
