using System.Security.Cryptography;
using System.Text;

namespace StreamFinance.Contracts;

/// <summary>
/// The one way StreamFinance derives an id from a name: a name-based UUID (RFC 4122 version 5, SHA-1) in the
/// StreamFinance namespace. The same name always gives the same id, so an output re-derived after a restart or a replay
/// carries the event id it had the first time.
/// </summary>
public static class DeterministicUuid
{
    private static readonly Guid Namespace = new("6f1c6e2a-2d1b-5b7e-9d8e-5f0a1c2b3d4e");

    /// <summary>The version-5 UUID of <paramref name="name"/> (UTF-8) in the StreamFinance namespace.</summary>
    public static Guid From(string name) => From(Namespace, name);

    /// <summary>The version-5 UUID (RFC 4122, section 4.3) of <paramref name="name"/> (UTF-8) in <paramref name="nameSpace"/>.</summary>
    public static Guid From(Guid nameSpace, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + bytes.Length];
        nameSpace.TryWriteBytes(input, bigEndian: true, out _);
        bytes.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
