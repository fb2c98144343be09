using System.Globalization;
using System.Text.Json;
using Avro.Specific;
using StreamFinance.Connectors.Mapping.Binding;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Connectors.Mapping.Outbound;

/// <summary>
/// A loaded outbound profile, the twin of an inbound <see cref="IRecordMapper"/>: it turns one canonical record of its
/// <see cref="Source"/> topic into the ERP's call (<see cref="Build"/>), and reads the ERP's answer
/// (<see cref="DocumentOf"/>, <see cref="MessagesOf"/>). The canonical record is read as the JSON of
/// <see cref="AvroJsonWriter"/> (decimals as exact text, dates as ISO dates), with the inbound profiles' paths,
/// templates and transforms. Immutable and safe for concurrent use. See <c>Profiles/outbound/README.md</c>.
/// </summary>
public sealed class OutboundProfile
{
    private readonly ValueSpec postingId;
    private readonly ValueSpec path;
    private readonly IReadOnlyList<(string Name, ValueSpec Value)> headers;
    private readonly OutboundNode body;
    private readonly OutboundAnswerSpec answer;

    internal OutboundProfile(
        OutboundProfileHeader header, ValueSpec postingId, string method, ValueSpec path, string idempotencyHeader,
        IReadOnlyList<(string Name, ValueSpec Value)> headers, OutboundNode body, OutboundAnswerSpec answer)
    {
        Header = header;
        this.postingId = postingId;
        Method = method;
        this.path = path;
        IdempotencyHeader = idempotencyHeader;
        this.headers = headers;
        this.body = body;
        this.answer = answer;
    }

    /// <summary>The topics an outbound profile may send: the <c>erp.*</c> topics the ERP consumes (not its confirmations).</summary>
    public static IReadOnlyList<TopicSpec> SendableTopics { get; } =
        [.. Topics.All.Where(t => t.Name.StartsWith("erp.", StringComparison.Ordinal) && t.Name != Topics.PostingConfirmations.Name)];

    /// <summary>Name, version, target system, source topic and file.</summary>
    public OutboundProfileHeader Header { get; }

    /// <summary>Profile name, e.g. <c>netsuite-journal-entries</c>.</summary>
    public string Name => Header.Name;

    /// <summary><c>name@version</c>, written into dead letters and audit events.</summary>
    public string ProfileId => $"{Header.Name}@{Header.Version}";

    /// <summary>The ERP kind the profile speaks to, e.g. <c>netsuite</c>.</summary>
    public string TargetSystem => Header.TargetSystem;

    /// <summary>The catalog topic whose records the profile sends.</summary>
    public TopicSpec Source => Header.Source;

    /// <summary>HTTP method of the call.</summary>
    public string Method { get; }

    /// <summary>The header carrying the posting id as idempotency key, e.g. <c>X-NetSuite-Idempotency-Key</c>.</summary>
    public string IdempotencyHeader { get; }

    /// <summary>The ERP call for <paramref name="record"/>, or why there is none (a value the profile requires is missing or malformed).</summary>
    public OutboundMapping Build(ISpecificRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = CanonicalJson(record);
        try
        {
            var id = postingId.Evaluate(document, "postingId") ?? throw postingId.Missing(document, "postingId");
            var relative = path.Evaluate(document, "request.path") ?? throw path.Missing(document, "request.path");
            var sent = new List<KeyValuePair<string, string>> { new(IdempotencyHeader, id) };
            foreach (var (name, value) in headers)
                if (value.Evaluate(document, $"request.headers.{name}") is { } text)
                    sent.Add(new(name, text));
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
                body.Write(writer, document, null);
            return OutboundMapping.Of(new ErpRequest(id, id, Method, relative, sent, stream.ToArray()));
        }
        catch (MappingValueException e)
        {
            return OutboundMapping.Failed(new MappingFailure(e.Reason, $"{ProfileId}: {e.Message}", e.Field));
        }
    }

    /// <summary>
    /// The document number and fiscal year of a posted document: from the answer's <paramref name="responseBody"/> or
    /// <paramref name="responseHeader"/>s, or the <paramref name="record"/> sent, as the profile says. Null parts are not in the answer.
    /// </summary>
    public (string? DocumentNumber, int? FiscalYear) DocumentOf(ISpecificRecord record, string responseBody, Func<string, string?> responseHeader)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(responseHeader);
        var source = CanonicalJson(record);
        var parsed = OutboundAnswerSpec.TryParse(responseBody);
        var number = answer.DocumentNumber.Read(parsed, responseHeader, source);
        var year = answer.FiscalYear?.Read(parsed, responseHeader, source);
        return (number, int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null);
    }

    /// <summary>The ERP's messages in an error answer's body (the body itself, shortened, when the profile's paths find none).</summary>
    public IReadOnlyList<string> MessagesOf(string responseBody) => answer.MessagesOf(responseBody ?? "");

    /// <summary>Where the profile reads the document number, for messages.</summary>
    public string DocumentNumberSource => answer.DocumentNumber.ToString();

    private static JsonSourceDocument CanonicalJson(ISpecificRecord record) =>
        JsonSourceDocument.Parse(System.Text.Encoding.UTF8.GetBytes(AvroJsonWriter.ToJson(record)));
}

/// <summary>Identity of an outbound profile.</summary>
/// <param name="Name">Profile name.</param>
/// <param name="Version">Version as written.</param>
/// <param name="TargetSystem">The ERP kind, e.g. <c>netsuite</c>, <c>d365</c>, <c>sap</c>.</param>
/// <param name="Source">The catalog topic it reads (an <c>erp.*</c> topic).</param>
/// <param name="File">The file it was loaded from.</param>
public sealed record OutboundProfileHeader(string Name, string Version, string TargetSystem, TopicSpec Source, string File);

/// <summary>The ERP call built from one record, or why none could be built; exactly one is set.</summary>
public sealed class OutboundMapping
{
    private OutboundMapping(ErpRequest? request, MappingFailure? failure) => (Request, Failure) = (request, failure);

    /// <summary>The call; null on failure.</summary>
    public ErpRequest? Request { get; }

    /// <summary>Why there is no call; null on success.</summary>
    public MappingFailure? Failure { get; }

    /// <summary>A built call.</summary>
    public static OutboundMapping Of(ErpRequest request) => new(request ?? throw new ArgumentNullException(nameof(request)), null);

    /// <summary>A record the profile cannot send.</summary>
    public static OutboundMapping Failed(MappingFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}
