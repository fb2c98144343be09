namespace StreamFinance.Embedded.Erp;

/// <summary>A document the fake ERP created: exactly one per idempotency key.</summary>
/// <param name="Number">The ERP document number it answered with.</param>
/// <param name="IdempotencyKey">The key it was created under.</param>
/// <param name="Dialect">The API shape it was called in.</param>
/// <param name="FiscalYear">The fiscal year it posted into.</param>
/// <param name="Method">The HTTP method of the call that created it.</param>
/// <param name="Path">The path called.</param>
/// <param name="Body">The JSON body received.</param>
/// <param name="CreatedAt">When it was created, on the fake ERP's clock.</param>
public sealed record FakeErpDocument(string Number, string IdempotencyKey, FakeErpDialect Dialect, int FiscalYear, string Method, string Path, string Body, DateTimeOffset CreatedAt);

/// <summary>One request the fake ERP received, and what it answered.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query.</param>
/// <param name="IdempotencyKey">The key of the first idempotency header present; null when none.</param>
/// <param name="Body">The body received.</param>
/// <param name="Headers">The request headers (credentials included, for tests that check them).</param>
/// <param name="Status">The status answered.</param>
/// <param name="At">When it arrived, on the fake ERP's clock.</param>
public sealed record FakeErpCall(string Method, string Path, string? IdempotencyKey, string Body, IReadOnlyDictionary<string, string> Headers, int Status, DateTimeOffset At);
