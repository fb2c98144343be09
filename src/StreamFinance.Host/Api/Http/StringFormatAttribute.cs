namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Says what a string member of a request or response holds, for the OpenAPI document (<see cref="ApiSchemaTransformer"/>):
/// an exact decimal (<c>"1.08500000"</c>: clients must not read it as a binary floating-point number) or a
/// <c>yyyy-MM-dd</c> date. The serializer ignores it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StringFormatAttribute(string format) : Attribute
{
    /// <summary>An exact decimal number written as a string, e.g. <c>-12.5000</c>: digits, at most one point, no exponent.</summary>
    public const string Decimal = "decimal";

    /// <summary>A calendar date, <c>yyyy-MM-dd</c> (RFC 3339 full-date).</summary>
    public const string Date = "date";

    /// <summary><see cref="Decimal"/> or <see cref="Date"/>, the schema's <c>format</c>.</summary>
    public string Format { get; } = format;
}
