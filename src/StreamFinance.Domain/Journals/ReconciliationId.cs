using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamFinance.Domain.Journals;

/// <summary>
/// The deterministic posting id of a journal, which the ERP deduplicates on:
/// <c>JE-{entity}-{currency}-{window start, yyyyMMdd'T'HHmm'Z'}-{8 upper-case hex}</c>, for example
/// <c>JE-US01-USD-20261126T1000Z-3F2A9C01</c>. The readable part says where and when; the hex is the first 4 bytes of
/// the SHA-256 of <c>entity|currency|windowStartUnixMs|windowEndUnixMs|fiscalYear|periodNumber</c> (UTF-8), so two
/// journals of one window in different periods, or of windows of different sizes, never share an id. The same inputs
/// give the same id on every run, instance and replay.
/// </summary>
public static class ReconciliationId
{
    /// <summary>The id of the journal <paramref name="key"/>.</summary>
    public static string For(JournalKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var start = key.Window.Start.ToUniversalTime();
        var identity = string.Join('|',
            key.EntityId, key.Currency,
            start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            key.Window.End.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            key.FiscalYear.ToString(CultureInfo.InvariantCulture),
            key.PeriodNumber.ToString(CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return $"JE-{key.EntityId}-{key.Currency}-{start.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}-{Convert.ToHexString(hash, 0, 4)}";
    }
}
