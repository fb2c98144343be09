using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// What a JSON request body may hold, read once from the serializer's own contract for <typeparamref name="T"/> (the
/// source-generated <see cref="JsonTypeInfo{T}"/>): each member's JSON name, whether it is required and what value it
/// takes. <see cref="JsonBodyParser"/> checks a body against it before deserializing, so that a 400 names every unknown,
/// repeated or missing member without reading the serializer's exception messages.
/// </summary>
internal sealed class JsonBodyContract<T> where T : class
{
    private readonly byte[][] utf8Names;

    /// <summary>Reads the contract of <paramref name="type"/>; <paramref name="expected"/> says what to send, for 400 details.</summary>
    /// <exception cref="ArgumentException">The type has more than 64 members (presence is tracked in one bit each).</exception>
    public JsonBodyContract(JsonTypeInfo<T> type, string expected)
    {
        Type = type;
        Expected = expected;
        Members = type.Properties.Select(p => new JsonBodyMember(p.Name, p.IsRequired, ExpectedValue(p.PropertyType))).ToArray();
        if (Members.Count > 64)
            throw new ArgumentException($"{typeof(T).Name} has {Members.Count} JSON members; a request body may have at most 64.", nameof(type));
        utf8Names = Members.Select(m => Encoding.UTF8.GetBytes(m.Name)).ToArray();
        ReaderOptions = new JsonReaderOptions
        {
            MaxDepth = type.Options.MaxDepth,
            CommentHandling = type.Options.ReadCommentHandling,
            AllowTrailingCommas = type.Options.AllowTrailingCommas,
        };
    }

    /// <summary>The serializer's contract, which also refuses unknown and missing members itself.</summary>
    public JsonTypeInfo<T> Type { get; }

    /// <summary>What a client must send, e.g. <c>costCenterId, supplierId, amount and currency, ...</c>.</summary>
    public string Expected { get; }

    /// <summary>The members, in declaration order; a member's index is its bit in a presence mask.</summary>
    public IReadOnlyList<JsonBodyMember> Members { get; }

    /// <summary>The reader settings the serializer reads with (depth, comments, trailing commas).</summary>
    public JsonReaderOptions ReaderOptions { get; }

    /// <summary>Index of the member whose name <paramref name="reader"/> is on (escapes decoded, case-sensitive), or -1.</summary>
    public int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < utf8Names.Length; i++)
            if (reader.ValueTextEquals(utf8Names[i]))
                return i;
        return -1;
    }

    /// <summary>The member named <paramref name="name"/>, or null.</summary>
    public JsonBodyMember? Member(string name)
    {
        foreach (var member in Members)
            if (string.Equals(member.Name, name, StringComparison.Ordinal))
                return member;
        return null;
    }

    private static string ExpectedValue(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "must be a string",
        var t when t == typeof(decimal) => "must be a number, or a string holding one",
        _ => "has the wrong type",
    };
}

/// <summary>One member of a <see cref="JsonBodyContract{T}"/>.</summary>
/// <param name="Name">JSON name, e.g. <c>costCenterId</c>.</param>
/// <param name="Required">Whether a body must contain it.</param>
/// <param name="ExpectedValue">What its value must be, as an <c>errors</c> message, e.g. <c>must be a string</c>.</param>
internal sealed record JsonBodyMember(string Name, bool Required, string ExpectedValue);
