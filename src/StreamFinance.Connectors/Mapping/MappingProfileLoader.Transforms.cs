using System.Globalization;
using System.Text.RegularExpressions;
using StreamFinance.Connectors.Mapping.Transforms;
using YamlDotNet.RepresentationModel;

namespace StreamFinance.Connectors.Mapping;

/// <summary>The loader's parsing of <c>transform:</c> lists into <see cref="ITextTransform"/>s, with their options checked.</summary>
public sealed partial class MappingProfileLoader
{
    private sealed partial class Parser
    {
        private IReadOnlyList<ITextTransform> ParseTransforms(YamlNode node)
        {
            var steps = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
            return steps.Select(ParseTransform).ToList();
        }

        private ITextTransform ParseTransform(YamlNode node)
        {
            string name;
            YamlMappingNode? options = null;
            if (node is YamlScalarNode)
                name = Text(node);
            else if (node is YamlMappingNode { Children.Count: 1 } map)
            {
                name = Text(map.Children[0].Key);
                options = map.Children[0].Value as YamlMappingNode;
                if (options is null && map.Children[0].Value is YamlScalarNode { Value: not (null or "") })
                    throw Error(node, $"options of transform '{name}' must be a mapping.");
            }
            else
                throw Error(node, "a transform is a name (trim) or a name with options ({ date: { format: yyyyMMdd } }).");
            options ??= new YamlMappingNode();
            switch (name)
            {
                case "trim":
                    return new TrimTransform();
                case "upper":
                    return new UpperTransform();
                case "lower":
                    return new LowerTransform();
                case "fingerprint":
                    return new FingerprintTransform();
                case "decimal":
                    CheckKeys(options, ["culture", "minorUnitsCurrency", "impliedDecimals"], "the decimal transform");
                    return new DecimalTransform(Culture(Child(options, "culture")), Child(options, "minorUnitsCurrency") is { } m ? CheckedPath(m) : null,
                        Child(options, "impliedDecimals") is { } implied ? ImpliedDecimals(implied) : 0);
                case "date":
                    CheckKeys(options, ["format", "timeZone"], "the date transform");
                    var format = Child(options, "format") is { } f ? Text(f) : null;
                    if (format is not null && !DateTransform.IsUsableFormat(format))
                        throw Error(Child(options, "format")!, $"date format '{format}' is not a usable .NET date format (it cannot read its own output); e.g. yyyy-MM-dd, yyyyMMdd, dd.MM.yyyy HH:mm.");
                    return new DateTransform(format, Zone(Child(options, "timeZone")));
                case "currency":
                    CheckKeys(options, ["aliases"], "the currency transform");
                    return new CurrencyTransform(Child(options, "aliases") is YamlMappingNode aliases ? Pairs(aliases) : null);
                case "replace":
                    CheckKeys(options, ["pattern", "with"], "the replace transform");
                    var pattern = Child(options, "pattern") ?? throw Error(node, "the replace transform needs 'pattern' (a regular expression).");
                    try
                    {
                        var regex = new Regex(Text(pattern), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                        return new ReplaceTransform(regex, Child(options, "with") is { } with ? Text(with) : string.Empty);
                    }
                    catch (ArgumentException exception)
                    {
                        throw Error(pattern, $"pattern '{Text(pattern)}' is not a valid regular expression ({exception.Message}).");
                    }
                case "map":
                    CheckKeys(options, ["values", "otherwise", "keepUnmapped"], "the map transform");
                    var values = Child(options, "values") as YamlMappingNode ?? throw Error(node, "the map transform needs 'values' (source value: target value).");
                    return new ValueMapTransform(Pairs(values), Child(options, "otherwise") is { } o ? Text(o) : null, Child(options, "keepUnmapped") is { } keep && Bool(keep));
                default:
                    throw Error(node, $"transform '{name}' is unknown; known transforms: trim, upper, lower, decimal, date, currency, map, replace, fingerprint.");
            }
        }

        private int ImpliedDecimals(YamlNode node) =>
            int.TryParse(Text(node), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= DecimalTransform.MaxImpliedDecimals
                ? n
                : throw Error(node, $"impliedDecimals '{Text(node)}' must be a whole number from 0 to {DecimalTransform.MaxImpliedDecimals}, e.g. 2 for X12 TDS01.");

        private CultureInfo Culture(YamlNode? node)
        {
            if (node is null)
                return CultureInfo.InvariantCulture;
            try
            {
                return CultureInfo.GetCultureInfo(Text(node), predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                throw Error(node, $"culture '{Text(node)}' is unknown; use a name such as de-DE or en-US.");
            }
        }

        private TimeZoneInfo Zone(YamlNode? node)
        {
            if (node is null)
                return TimeZoneInfo.Utc;
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(Text(node));
            }
            catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw Error(node, $"time zone '{Text(node)}' is unknown; use an IANA id such as Europe/Berlin or America/New_York.");
            }
        }
    }
}
