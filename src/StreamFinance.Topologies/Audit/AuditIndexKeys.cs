using System.Globalization;

namespace StreamFinance.Topologies.Audit;

/// <summary>
/// The keys of the audit index's stores. Both are <c>{prefix}|{suffix}</c>, so everything under one prefix is the key
/// range from <c>{prefix}|</c> to <c>{prefix}}</c> (<c>}</c> is the character after <c>|</c>); RocksDB keeps keys in
/// byte order, so a range is read in order without a scan.
/// </summary>
public static class AuditIndexKeys
{
    /// <summary>Key of a chained event in <see cref="AuditNames.TimelineStore"/>: the sequence with 12 digits, so keys sort as sequences.</summary>
    public static string Timeline(string correlationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{correlationId}|{sequence:D12}");

    /// <summary>Key of one id's correlation id in <see cref="AuditNames.IdStore"/>.</summary>
    public static string Id(string id, string correlationId) => $"{id}|{correlationId}";

    /// <summary>The first and last key of everything under <paramref name="prefix"/>.</summary>
    public static (string From, string To) Range(string prefix) => ($"{prefix}|", $"{prefix}}}");

    /// <summary>The correlation id of an <see cref="Id"/> key.</summary>
    public static string CorrelationOf(string idKey, string id) => idKey[(id.Length + 1)..];
}
