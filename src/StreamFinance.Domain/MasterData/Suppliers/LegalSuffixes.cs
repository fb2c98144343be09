namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>
/// Legal-form suffixes that <see cref="SupplierNameNormalizer"/> removes from the end of a supplier name, as they are
/// written (they are normalised the same way as names, so <c>S.A.</c>, <c>s.a.</c> and <c>SA</c> are one entry).
/// </summary>
public static class LegalSuffixes
{
    /// <summary>The suffixes: English, German, French, Spanish, Italian, Dutch, Nordic, Asian and other common legal forms.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        // English-speaking.
        "inc", "incorporated", "ltd", "limited", "llc", "l.l.c.", "llp", "lp", "plc", "corp", "corporation", "co", "company", "& co",
        "pty", "pty ltd", "pte", "pte ltd", "pvt", "pvt ltd", "private limited",
        // German-speaking.
        "gmbh", "mbh", "ag", "kg", "ohg", "ug", "e.k.", "e.v.", "gmbh & co. kg", "ag & co. kg", "se",
        // French, Spanish, Italian, Portuguese.
        "sa", "s.a.", "sas", "s.a.s.", "sarl", "s.a.r.l.", "sl", "s.l.", "slu", "srl", "s.r.l.", "spa", "s.p.a.",
        "ltda", "sa de cv", "s.a. de c.v.",
        // Dutch, Belgian.
        "bv", "b.v.", "nv", "n.v.",
        // Nordic.
        "ab", "as", "a/s", "asa", "aps", "oy", "oyj",
        // Central and Eastern Europe.
        "sro", "s.r.o.", "sp. z o.o.", "kft", "zrt",
        // Asia.
        "kk", "k.k.", "bhd", "sdn bhd",
    ];
}
