namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>What a piece of duplicate evidence is about.</summary>
public enum DuplicateEvidenceKind
{
    /// <summary>Equal normalised tax ids.</summary>
    SameTaxId,

    /// <summary>Equal bank account fingerprints.</summary>
    SameBankAccount,

    /// <summary>Equal normalised names.</summary>
    SameNormalizedName,

    /// <summary>Similar normalised names (Jaro-Winkler at or above the minimum).</summary>
    SimilarName,

    /// <summary>Both have a country and they differ; adds nothing to the score but warns the reviewer.</summary>
    DifferentCountry,
}
