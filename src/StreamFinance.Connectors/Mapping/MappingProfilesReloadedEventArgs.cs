namespace StreamFinance.Connectors.Mapping;

/// <summary>The outcome of one reload of a <see cref="MappingProfileCatalog"/>.</summary>
/// <param name="InForce">The profiles in force afterwards, as <c>name@version</c>.</param>
/// <param name="Rejected">Files that failed to load; for each, the previous version (if any) stayed in force.</param>
public sealed class MappingProfilesReloadedEventArgs(IReadOnlyList<string> InForce, IReadOnlyList<MappingProfileException> Rejected) : EventArgs
{
    /// <summary>The profiles in force afterwards, as <c>name@version</c>.</summary>
    public IReadOnlyList<string> InForce { get; } = InForce;

    /// <summary>Files that failed to load; the previous version of each stayed in force.</summary>
    public IReadOnlyList<MappingProfileException> Rejected { get; } = Rejected;
}
