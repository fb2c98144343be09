using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Domain.MasterData.Suppliers;

namespace StreamFinance.Domain.Tests.MasterData;

public class SupplierNormalizerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "Müller", "ACME", "s.a.", "S.A.R.L.", "GmbH", "&", "Co.", "KG", "inc", "Ltd.", "a", "b", ".", ",", "-", "'", "ß", "Ø", "3", "A/S",
        "ﬁ", "İ", "ǅ", "Æ", "sp.", "z", "o.o.", "de", "c.v.", "  ", "株式会社", "ООО",
    ];

    [Property]
    public bool Normalising_a_name_twice_gives_the_same_as_once(string? name)
    {
        var once = SupplierNameNormalizer.Normalize(name);
        return SupplierNameNormalizer.Normalize(once) == once;
    }

    [Property]
    public Property Normalising_names_built_from_suffixes_and_punctuation_twice_gives_the_same_as_once(byte[] picks, bool[] spaces)
    {
        var name = string.Concat(picks.Select((p, i) => Pieces[p % Pieces.Length] + (i < spaces.Length && spaces[i] ? " " : "")));
        var once = SupplierNameNormalizer.Normalize(name);
        return (SupplierNameNormalizer.Normalize(once) == once).Label($"'{name}' -> '{once}'");
    }

    [Fact]
    public void Normalising_any_character_of_the_basic_plane_twice_gives_the_same_as_once()
    {
        var unstable = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++) // surrogates included: alone, they are invalid text
        {
            var name = $"x{(char)c}y {(char)c}";
            var once = SupplierNameNormalizer.Normalize(name);
            if (SupplierNameNormalizer.Normalize(once) != once)
                unstable.Add($"U+{c:X4}");
        }

        Assert.Empty(unstable);
    }

    [Property]
    public bool Normalised_names_have_no_upper_case_no_punctuation_and_single_spaces(string? name)
    {
        var normalised = SupplierNameNormalizer.Normalize(name);
        return !normalised.Contains("  ", StringComparison.Ordinal)
               && normalised.Trim() == normalised
               && normalised.All(c => c == ' ' || char.IsLetterOrDigit(c) || char.IsSurrogate(c))
               && normalised == normalised.ToLowerInvariant();
    }

    [Property]
    public bool Normalising_a_tax_id_twice_gives_the_same_as_once(string? taxId)
    {
        var once = TaxIdNormalizer.Normalize(taxId);
        return TaxIdNormalizer.Normalize(once) == once;
    }
}
