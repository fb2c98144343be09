using System.Globalization;

namespace StreamFinance.Contracts;

/// <summary>
/// Avro <c>timestamp-millis</c> values are instants: Apache.Avro reads them back as UTC, but a record built in code may
/// carry a local or unspecified <see cref="DateTime"/>. One rule for every place that compares, hashes or prints them.
/// </summary>
public static class AvroTimestamps
{
    /// <summary><paramref name="time"/> as a UTC <see cref="DateTime"/>: a local time is converted, an unspecified one taken as UTC.</summary>
    public static DateTime Utc(DateTime time) =>
        time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    /// <summary><paramref name="time"/> as printed wherever StreamFinance shows an instant: UTC, to the millisecond (<c>2026-03-31T09:15:00.000Z</c>).</summary>
    public static string Iso(DateTime time) => Utc(time).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
