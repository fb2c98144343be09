using System.Buffers;
using System.Text.Json;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Turns a whole JSON request body into its DTO, or into the 400 to answer instead. Every kind of problem is told apart
/// from what the reader and the contract say, never from exception messages (which change between runtime versions):
/// <list type="number">
/// <item>an empty body, which holds only whitespace, and a body that is not UTF-8;</item>
/// <item>a scan with <see cref="Utf8JsonReader"/>: JSON that is not well-formed (the reader throws while the object is
/// read), data after the object (it throws once the object has ended), a body that is not an object (the first token),
/// and members that are unknown, repeated or missing (compared with the <see cref="JsonBodyContract{T}"/>), all listed;</item>
/// <item>deserialization with the serializer's contract: a <see cref="JsonException"/> is then a value of the wrong
/// type, and <see cref="JsonException.Path"/> names its member.</item>
/// </list>
/// The scan reads without allocating; only a failing body allocates its problem.
/// </summary>
internal static class JsonBodyParser
{
    /// <summary>The key of <c>errors</c> for a problem with the body as a whole (JSONPath's root).</summary>
    public const string WholeBody = "$";

    /// <summary>The DTO, or null with <paramref name="problem"/> saying why.</summary>
    public static T? Parse<T>(ReadOnlySequence<byte> body, JsonBodyContract<T> contract, out JsonBodyProblem? problem) where T : class
    {
        body = WithoutByteOrderMark(body);
        if (IsBlank(body))
        {
            problem = JsonBodyProblem.Whole("is empty", $"The body is empty. Send a JSON object with {contract.Expected}.");
            return null;
        }
        // The reader checks the JSON's structure but decodes strings only when asked; text that is not UTF-8 would then throw.
        if (!IsUtf8(body))
        {
            problem = JsonBodyProblem.Whole("is not UTF-8 text", $"The body is not UTF-8 text. Send a JSON object with {contract.Expected}, encoded as UTF-8.");
            return null;
        }
        problem = Scan(body, contract);
        if (problem is not null)
            return null;
        var reader = new Utf8JsonReader(body, contract.ReaderOptions);
        try
        {
            // Never null: the scan found an object.
            return JsonSerializer.Deserialize(ref reader, contract.Type);
        }
        catch (JsonException e)
        {
            problem = WrongValue(e, contract);
            return null;
        }
        catch (InvalidOperationException)
        {
            problem = NotUnicode(contract);
            return null;
        }
    }

    private static JsonBodyProblem? Scan<T>(ReadOnlySequence<byte> body, JsonBodyContract<T> contract) where T : class
    {
        var reader = new Utf8JsonReader(body, contract.ReaderOptions);
        ulong seen = 0;
        FieldErrors? errors = null;
        List<string>? unknown = null;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                return NotAnObject(reader.TokenType, contract);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = contract.IndexOf(ref reader);
                if (index < 0)
                {
                    var name = reader.GetString()!;
                    (unknown ??= []).Add(name);
                    (errors ??= new FieldErrors()).Add(name, "is not a member of this request");
                }
                else if ((seen & (1UL << index)) != 0)
                    (errors ??= new FieldErrors()).Add(contract.Members[index].Name, "is given more than once");
                else
                    seen |= 1UL << index;
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException e)
        {
            return JsonBodyProblem.Whole($"is not well-formed JSON ({Position(e)})",
                $"The body is not well-formed JSON ({Position(e)}). Send a JSON object with {contract.Expected}.");
        }
        catch (InvalidOperationException)
        {
            return NotUnicode(contract);
        }
        if (TrailingData(ref reader, contract) is { } trailing)
            return trailing;
        for (var i = 0; i < contract.Members.Count; i++)
            if (contract.Members[i].Required && (seen & (1UL << i)) == 0)
                (errors ??= new FieldErrors()).Add(contract.Members[i].Name, "is required");
        if (errors is null)
            return null;
        var detail = unknown is null
            ? $"{errors.Summary()} Send a JSON object with {contract.Expected}."
            : $"Unknown {(unknown.Count == 1 ? "property" : "properties")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Send a JSON object with {contract.Expected}.";
        return new JsonBodyProblem(detail, errors);
    }

    /// <summary>After the object's end, only whitespace may follow: the reader throws (or reads a token) on anything else.</summary>
    private static JsonBodyProblem? TrailingData<T>(ref Utf8JsonReader reader, JsonBodyContract<T> contract) where T : class
    {
        string where;
        try
        {
            if (!reader.Read())
                return null;
            where = $"byte {reader.TokenStartIndex + 1}";
        }
        catch (JsonException e)
        {
            where = Position(e);
        }
        return JsonBodyProblem.Whole($"has data after the JSON object ({where})",
            $"The body has data after the JSON object ({where}). Send one JSON object with {contract.Expected}.");
    }

    /// <summary>A name or string escapes a lone surrogate (<c>\uD800</c>): well-formed JSON, but no text; the reader throws when it is read.</summary>
    private static JsonBodyProblem NotUnicode<T>(JsonBodyContract<T> contract) where T : class =>
        JsonBodyProblem.Whole("has a string that is not valid Unicode (an escaped lone surrogate such as \\uD800)",
            $"The body has a string that is not valid Unicode (an escaped lone surrogate such as \\uD800). Send a JSON object with {contract.Expected}.");

    private static JsonBodyProblem NotAnObject<T>(JsonTokenType token, JsonBodyContract<T> contract) where T : class => token == JsonTokenType.Null
        ? JsonBodyProblem.Whole("must be a JSON object, not null", $"The body is JSON null: send a JSON object with {contract.Expected}.")
        : JsonBodyProblem.Whole($"must be a JSON object, not {Describe(token)}",
            $"The body has the wrong type ({Describe(token)}). Send a JSON object with {contract.Expected}.");

    private static JsonBodyProblem WrongValue<T>(JsonException e, JsonBodyContract<T> contract) where T : class
    {
        var member = e.Path is { } path && path.StartsWith("$.", StringComparison.Ordinal) ? contract.Member(path[2..]) : null;
        var errors = new FieldErrors();
        errors.Add(member?.Name ?? WholeBody, member?.ExpectedValue ?? "has a value of the wrong type");
        return new JsonBodyProblem($"The value at {e.Path ?? WholeBody} ({Position(e)}) has the wrong type. Send a JSON object with {contract.Expected}.", errors);
    }

    private static string Position(JsonException e) => $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => token.ToString(),
    };

    private static ReadOnlySequence<byte> WithoutByteOrderMark(ReadOnlySequence<byte> body)
    {
        // The serializer's stream reader skips a UTF-8 byte order mark; Utf8JsonReader does not.
        if (body.Length < 3)
            return body;
        Span<byte> start = stackalloc byte[3];
        body.Slice(0, 3).CopyTo(start);
        return start.SequenceEqual("\uFEFF"u8) ? body.Slice(3) : body;
    }

    private static bool IsUtf8(ReadOnlySequence<byte> body) =>
        System.Text.Unicode.Utf8.IsValid(body.IsSingleSegment ? body.FirstSpan : body.ToArray());

    private static bool IsBlank(ReadOnlySequence<byte> body)
    {
        foreach (var segment in body)
            foreach (var b in segment.Span)
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    return false;
        return true;
    }
}
