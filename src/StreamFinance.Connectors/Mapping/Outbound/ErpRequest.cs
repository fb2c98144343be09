namespace StreamFinance.Connectors.Mapping.Outbound;

/// <summary>
/// One call to the ERP as an outbound profile builds it from one canonical record: method, path relative to the
/// endpoint, headers (the idempotency key among them), and the JSON body.
/// </summary>
/// <param name="PostingId">The posting id of the record (reconciliation id, commitment id, AP posting id); the confirmation's key.</param>
/// <param name="IdempotencyKey">What the ERP deduplicates on: the posting id, sent in the profile's idempotency header (and as external id in the body where the ERP has one).</param>
/// <param name="Method">HTTP method, e.g. <c>POST</c> or <c>PUT</c>.</param>
/// <param name="Path">Path relative to the sink's endpoint, e.g. <c>services/rest/record/v1/journalEntry/eid:JE-...</c>.</param>
/// <param name="Headers">Headers to send, including the idempotency header.</param>
/// <param name="Body">The UTF-8 JSON body.</param>
public sealed record ErpRequest(
    string PostingId, string IdempotencyKey, string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The body as text, for dead letters and logs.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
