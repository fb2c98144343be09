using System.Text.Json;
using System.Text.RegularExpressions;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Mapping.Outbound;

/// <summary>
/// Where an outbound profile finds the ERP's answer: the document number and fiscal year of a posted document, each
/// read from the response <c>body</c> (a JSON path), a response <c>header</c> (with a <c>pattern</c> whose first group
/// is the value, e.g. the id at the end of NetSuite's <c>Location</c>) or the canonical <c>record</c> sent (a fiscal year
/// the ERP does not echo); and the paths of the ERP's messages in an error body (<c>{ items, value }</c> for a list).
/// </summary>
internal sealed class OutboundAnswerSpec(AnswerValue documentNumber, AnswerValue? fiscalYear, IReadOnlyList<AnswerMessages> messages)
{
    public AnswerValue DocumentNumber { get; } = documentNumber;

    public AnswerValue? FiscalYear { get; } = fiscalYear;

    public IReadOnlyList<AnswerMessages> Messages { get; } = messages;

    /// <summary>The ERP's messages in <paramref name="body"/>, in profile order; the raw body (shortened) when none is found or it is not JSON.</summary>
    public IReadOnlyList<string> MessagesOf(string body)
    {
        var found = new List<string>();
        if (TryParse(body) is { } document)
            foreach (var spec in Messages)
                found.AddRange(spec.Read(document));
        if (found.Count == 0 && !string.IsNullOrWhiteSpace(body))
            found.Add(body.Length > 1000 ? body[..1000] + "..." : body);
        return found;
    }

    public static JsonSourceDocument? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            return JsonSourceDocument.Parse(System.Text.Encoding.UTF8.GetBytes(body));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One value of the answer: from the response body, a response header, or the record that was sent.</summary>
internal sealed record AnswerValue(AnswerSource Source, string Path, Regex? Pattern = null)
{
    /// <summary>The value, or null when the answer does not hold it.</summary>
    public string? Read(ISourceDocument? body, Func<string, string?> header, ISourceDocument record)
    {
        var raw = Source switch
        {
            AnswerSource.Body => body?.Value(Path),
            AnswerSource.Header => header(Path),
            _ => record.Value(Path),
        };
        if (raw is null || Pattern is null)
            return raw;
        var match = Pattern.Match(raw);
        return match.Success ? (match.Groups.Count > 1 ? match.Groups[1].Value : match.Value) : null;
    }

    public override string ToString() => $"{Source.ToString().ToLowerInvariant()} {Path}" + (Pattern is null ? "" : $" /{Pattern}/");
}

/// <summary>Where an <see cref="AnswerValue"/> is read.</summary>
internal enum AnswerSource
{
    /// <summary>A JSON path in the response body.</summary>
    Body,

    /// <summary>A response header by name.</summary>
    Header,

    /// <summary>A JSON path in the canonical record sent.</summary>
    Record,
}

/// <summary>Messages at a path of the error body, or (<see cref="ItemsPath"/>) one per item of a list.</summary>
internal sealed record AnswerMessages(string? ItemsPath, string Path)
{
    public IEnumerable<string> Read(ISourceDocument body)
    {
        var documents = ItemsPath is null ? [body] : body.Items(ItemsPath);
        foreach (var document in documents)
            if (document.Value(Path) is { } text)
                yield return text;
    }
}
