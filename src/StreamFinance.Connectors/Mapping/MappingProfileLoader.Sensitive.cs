using YamlDotNet.RepresentationModel;

namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// The loader's parsing of <c>sensitive:</c>, the source fields that must never leave the source in clear:
/// <c>sensitive: [{ path: IBAN, kind: bankAccount }, { path: $.card.number, kind: pan }]</c>. A path the profile reads
/// through the <c>fingerprint</c> transform is bank data by definition, so it must be declared too.
/// </summary>
public sealed partial class MappingProfileLoader
{
    private sealed partial class Parser
    {
        private static readonly Dictionary<string, SensitiveKind> Kinds = new(StringComparer.Ordinal)
        {
            ["pan"] = SensitiveKind.Pan,
            ["bankAccount"] = SensitiveKind.BankAccount,
        };

        private List<SensitiveField> ParseSensitive(YamlNode node)
        {
            if (node is not YamlSequenceNode list)
                throw Error(node, "'sensitive' is a list of source fields, e.g. [{ path: IBAN, kind: bankAccount }, { path: $.card.number, kind: pan }].");
            var fields = new List<SensitiveField>();
            foreach (var entry in list.Children)
            {
                if (entry is not YamlMappingNode map)
                    throw Error(entry, "a 'sensitive' entry is { path: <source path>, kind: pan | bankAccount }.");
                CheckKeys(map, ["path", "kind"], "a 'sensitive' entry");
                var path = CheckedPath(Child(map, "path") ?? throw Error(map, "a 'sensitive' entry needs 'path', the source field that holds the value."));
                var kindNode = Child(map, "kind") ?? throw Error(map, $"the 'sensitive' entry of '{path}' needs 'kind': pan (card number) or bankAccount (IBAN, account number).");
                if (!Kinds.TryGetValue(Text(kindNode), out var kind))
                    throw Error(kindNode, $"sensitive kind '{Text(kindNode)}' is unknown; use pan (card number, masked to its last 4 digits) or bankAccount (IBAN, account number, masked to its fingerprint).");
                if (fields.Any(f => f.Path == path))
                    throw Error(map, $"'{path}' is declared sensitive twice.");
                fields.Add(new SensitiveField(path, kind));
            }
            return fields;
        }

        /// <summary>Every path read through <c>fingerprint</c> (outside repeated items) is declared <c>sensitive</c> as bank data, so its dead letters are masked too.</summary>
        private void CheckFingerprintedAreSensitive(IReadOnlyList<SensitiveField> sensitive)
        {
            foreach (var (path, node) in fingerprinted)
                if (!sensitive.Any(f => f.Path == path && f.Kind == SensitiveKind.BankAccount))
                    throw Error(node, $"'{path}' is fingerprinted, so it holds bank data: declare it at the top of the profile as sensitive: [{{ path: {path}, kind: bankAccount }}], so dead letters never carry it in clear either.");
        }

        /// <summary>Parses what lies inside repeated items (their paths are relative to each item).</summary>
        private T InItems<T>(string? itemsPath, Func<T> parse)
        {
            if (itemsPath is null)
                return parse();
            itemDepth++;
            try
            {
                return parse();
            }
            finally
            {
                itemDepth--;
            }
        }
    }
}
