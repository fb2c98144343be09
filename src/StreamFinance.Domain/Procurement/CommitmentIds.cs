using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamFinance.Domain.Procurement;

/// <summary>
/// The deterministic ids of commitments, which the ERP deduplicates on. A revision's commitment is
/// <c>{poNumber}/R{revision}</c> (<c>4500012/R0</c>); its reversal on cancellation <c>{poNumber}/R{revision}/REVERSE</c>
/// and its release on closing <c>{poNumber}/R{revision}/CLOSE</c>, so each effect has an id of its own. The
/// reconciliation id is <c>CMT-{poNumber}-R{revision}[-REVERSE|-CLOSE]-{8 upper-case hex}</c>, the hex the first 4 bytes
/// of the SHA-256 of the commitment id (UTF-8). The same inputs give the same ids on every run, instance and replay.
/// </summary>
public static class CommitmentIds
{
    /// <summary>The commitment id of <paramref name="revision"/> of <paramref name="poNumber"/>, with the suffix of a reversal or close.</summary>
    public static string For(string poNumber, int revision, string? effect = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(poNumber);
        var id = $"{poNumber}/R{revision.ToString(CultureInfo.InvariantCulture)}";
        return effect is null ? id : $"{id}/{effect}";
    }

    /// <summary>The reconciliation id of <paramref name="commitmentId"/>.</summary>
    public static string Reconciliation(string commitmentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commitmentId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(commitmentId));
        return $"CMT-{commitmentId.Replace('/', '-')}-{Convert.ToHexString(hash, 0, 4)}";
    }
}
