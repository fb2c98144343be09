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
}
