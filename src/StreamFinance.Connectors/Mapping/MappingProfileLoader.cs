using System.Text.RegularExpressions;
using Avro;
using Avro.Specific;
using StreamFinance.Connectors.Mapping.Binding;
using StreamFinance.Connectors.Mapping.Transforms;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Contracts.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// Loads a YAML mapping profile and checks it against the target record's Avro schema before any record is mapped:
/// unknown target fields, non-nullable fields left unmapped, unknown keys, transforms, formats, topics, time zones,
/// cultures and unusable date formats are all <see cref="MappingProfileException"/>s naming the file and line.
/// See <c>src/StreamFinance.Connectors/Profiles/README.md</c> for the profile format.
/// </summary>
public sealed partial class MappingProfileLoader
{
    private static readonly HashSet<string> TopKeys = ["name", "version", "description", "sourceSystem", "format", "formatOptions", "target", "sourceId", "key", "eventTime", "correlationId", "sensitive", "fields"];
    private static readonly HashSet<string> ValueKeys = ["path", "const", "template", "product", "sum", "present", "default", "required", "transform", "match", "type"];
    private readonly SourceFormats formats;

    /// <summary>A loader that accepts the formats of <paramref name="formats"/> (default <see cref="SourceFormats.Default"/>).</summary>
    public MappingProfileLoader(SourceFormats? formats = null) => this.formats = formats ?? SourceFormats.Default;

    /// <summary>Loads the profile file at <paramref name="path"/>.</summary>
    /// <exception cref="MappingProfileException">The profile is invalid; the message names file, line and problem.</exception>
    public IRecordMapper LoadFile(string path) => Load(ReadProfile(path), path);

    private static string ReadProfile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            throw new MappingProfileException(path, 1, $"cannot be read ({exception.Message}).", exception);
        }
    }

    /// <summary>Loads a profile from YAML text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="MappingProfileException">The profile is invalid; the message names file, line and problem.</exception>
    public IRecordMapper Load(string yaml, string file) => new Parser(file, formats).Parse(yaml);

    private sealed partial class Parser(string file, SourceFormats formats)
    {
        private readonly List<(string Path, YamlNode Node)> fingerprinted = [];
        private bool jsonPaths;
        private int itemDepth;

        public ProfileRecordMapper Parse(string yaml)
        {
            var root = Root(yaml, "must be a YAML mapping with name, version, sourceSystem, format, target, sourceId and fields.");
            CheckKeys(root, TopKeys, "a profile");

            var name = RequiredText(root, "name");
            var version = RequiredText(root, "version");
            var sourceSystem = RequiredText(root, "sourceSystem");
            var formatNode = Child(root, "format") ?? throw Error(root, "'format' is missing (csv, jsonl, json, ...).");
            var format = Text(formatNode);
            if (!formats.TryGet(format, out var sourceFormat))
                throw Error(formatNode, $"format '{format}' is unknown; known formats: {string.Join(", ", formats.Names)}.");
            jsonPaths = sourceFormat.Name is "json" or "jsonl";
            var options = FormatOptions(root, sourceFormat.Name);
            var targetNode = Child(root, "target") ?? throw Error(root, "'target' (the canonical topic, e.g. ingest.expenses) is missing.");
            var topic = Topics.All.FirstOrDefault(t => t.Name == Text(targetNode))
                ?? throw Error(targetNode, $"target topic '{Text(targetNode)}' is not in the topic catalog; known: {string.Join(", ", Topics.All.Select(t => t.Name))}.");

            var sourceId = ParseValue(Child(root, "sourceId") ?? throw Error(root, "'sourceId' (the path of the record's business id) is missing."), AvroScalar.String);
            var key = Child(root, "key") is { } keyNode ? ParseValue(keyNode, AvroScalar.String) : null;
            var eventTime = Child(root, "eventTime") is { } timeNode ? ParseValue(timeNode, AvroScalar.Timestamp) : null;
            var correlationId = Child(root, "correlationId") is { } correlationNode ? ParseValue(correlationNode, AvroScalar.String) : null;
            var sensitive = Child(root, "sensitive") is { } sensitiveNode ? ParseSensitive(sensitiveNode) : [];

            var schema = (RecordSchema)((ISpecificRecord)Activator.CreateInstance(topic.ValueType)!).Schema;
            var fieldsNode = Child(root, "fields") as YamlMappingNode ?? throw Error(root, "'fields' (a mapping keyed by the target record's field names) is missing.");
            var binding = ParseRecord(fieldsNode, schema, topic.ValueType, nullable: false);
            CheckFingerprintedAreSensitive(sensitive);
            var header = new MappingProfileHeader(name, version, sourceSystem, sourceFormat.Name, options, topic, file) { SensitiveFields = sensitive };
            return new ProfileRecordMapper(header, binding, sourceId, key, eventTime, correlationId);
        }

        private YamlMappingNode Root(string yaml, string shape)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException exception)
            {
                throw new MappingProfileException(file, exception.Start.Line, $"is not valid YAML: {exception.Message}", exception);
            }
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root ? root : throw new MappingProfileException(file, 1, shape);
        }

        private IReadOnlyDictionary<string, string> FormatOptions(YamlMappingNode root, string format)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Child(root, "formatOptions") is not { } node)
                return options;
            if (node is not YamlMappingNode map)
                throw Error(node, "'formatOptions' must be a mapping, e.g. { delimiter: ';' }.");
            foreach (var (k, v) in map.Children)
                options[Text(k)] = Text(v);
            var problem = format switch
            {
                "csv" => CsvFormat.ValidateOptions(options),
                "json" => options.Keys.FirstOrDefault(k => k != JsonFormat.RecordsOption) is { } bad ? $"JSON option '{bad}' is unknown; the JSON format takes 'records'." : null,
                "x12" => options.Count > 0 ? $"the x12 format takes no options (separators are read from each ISA segment); remove {string.Join(", ", options.Keys.Select(k => $"'{k}'"))}." : null,
                _ => null,
            };
            if (problem is null && format == "json" && options.TryGetValue(JsonFormat.RecordsOption, out var records))
                problem = PathProblem(records);
            return problem is null ? options : throw Error(node, problem);
        }

        /// <summary>
        /// The schema's own default of a required scalar field a profile does not map (a field added by BACKWARD
        /// evolution, e.g. <c>PurchaseOrder.revision</c> 0 or a line's <c>lineType</c> GOODS), as a constant; null when the
        /// field has no default or a non-scalar one (those must be mapped).
        /// </summary>
        private static string? SchemaDefault(Field field) =>
            field.DefaultValue is Newtonsoft.Json.Linq.JValue { Value: { } value } && field.Schema.Tag != Schema.Type.Union
                ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)
                : null;

        private RecordBinding ParseRecord(YamlMappingNode node, RecordSchema schema, Type type, bool nullable)
        {
            var mapped = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (k, v) in node.Children)
            {
                var name = Text(k);
                if (schema.Fields.All(f => f.Name != name))
                    throw Error(k, $"'{name}' is not a field of {schema.Name} (fields: {string.Join(", ", schema.Fields.Select(f => f.Name))}).");
                mapped[name] = v;
            }
            var fields = new List<(int, string, ValueBinding)>();
            foreach (var field in schema.Fields)
            {
                var (fieldSchema, fieldNullable) = Unwrap(field.Schema);
                if (fieldSchema is RecordSchema { Name: "Envelope" })
                {
                    if (mapped.TryGetValue(field.Name, out var envelopeNode))
                        throw Error(envelopeNode, $"'{field.Name}' is filled by the engine (sourceSystem, sourceId, idempotency key, ...); remove it and set sourceId/eventTime/correlationId at the top of the profile.");
                    fields.Add((field.Pos, field.Name, new EnvelopeBinding()));
                    continue;
                }
                if (!mapped.TryGetValue(field.Name, out var fieldNode) && SchemaDefault(field) is { } schemaDefault)
                    fieldNode = new YamlMappingNode(new YamlScalarNode("const"), new YamlScalarNode(schemaDefault));
                if (fieldNode is null)
                {
                    if (!fieldNullable)
                        throw Error(node, $"{schema.Name}.{field.Name} ({Describe(fieldSchema)}) is required by the schema but not mapped; give it a path, const or default.");
                    fields.Add((field.Pos, field.Name, new NullBinding()));
                    continue;
                }
                var property = type.GetProperty(field.Name) ?? throw Error(fieldNode, $"generated type {type.Name} has no property '{field.Name}'.");
                fields.Add((field.Pos, field.Name, ParseField(fieldNode, field.Name, fieldSchema, fieldNullable, property.PropertyType)));
            }
            return new RecordBinding(type, fields, nullable);
        }

        private ValueBinding ParseField(YamlNode node, string name, Schema schema, bool nullable, Type propertyType)
        {
            switch (schema)
            {
                case RecordSchema record:
                    return ParseRecord(node as YamlMappingNode ?? throw Error(node, $"'{name}' is a {record.Name} record: map its fields ({string.Join(", ", record.Fields.Select(f => f.Name))})."), record, ContractTypes.Get(record.Fullname), nullable);
                case UnionSchema union:
                    return ParseUnion(node, name, union);
                case ArraySchema array:
                    return ParseArray(node, name, array, nullable, propertyType);
                default:
                    var scalar = AvroScalar.For(schema) ?? throw Error(node, $"'{name}' has Avro type {schema.Tag}, which profiles cannot map.");
                    return new ScalarBinding(ParseValue(node, scalar), scalar, nullable);
            }
        }

        private ValueBinding ParseUnion(YamlNode node, string name, UnionSchema union)
        {
            var records = union.Schemas.OfType<RecordSchema>().ToList();
            if (node is not YamlMappingNode map || Child(map, "type") is not { } typeNode || Child(map, "fields") is not YamlMappingNode fieldsNode)
                throw Error(node, $"'{name}' is a union of records: give 'type' (one of {string.Join(", ", records.Select(r => r.Name))}) and 'fields'.");
            CheckKeys(map, ["type", "fields"], $"union field '{name}'");
            var chosen = records.FirstOrDefault(r => r.Name == Text(typeNode))
                ?? throw Error(typeNode, $"'{Text(typeNode)}' is not a record type of '{name}'; choose one of {string.Join(", ", records.Select(r => r.Name))}.");
            return ParseRecord(fieldsNode, chosen, ContractTypes.Get(chosen.Fullname), nullable: union.Schemas.Any(s => s.Tag == Schema.Type.Null));
        }

        private ValueBinding ParseArray(YamlNode node, string name, ArraySchema array, bool nullable, Type propertyType)
        {
            var elementType = propertyType.GetGenericArguments().FirstOrDefault() ?? throw Error(node, $"generated property '{name}' is not a list.");
            if (node is not YamlMappingNode map)
                throw Error(node, $"'{name}' is an array: give 'items' (path of the repeated items) with 'fields' or 'value', or 'split' with a path or const.");
            CheckKeys(map, ["items", "fields", "value", "split", "path", "const", "transform"], $"array field '{name}'");
            var itemsPath = Child(map, "items") is { } itemsNode ? CheckedPath(itemsNode) : null;
            if (Child(map, "split") is { } splitNode)
            {
                var scalar = AvroScalar.For(array.ItemSchema) ?? throw Error(splitNode, $"'split' needs an array of scalars; '{name}' holds {array.ItemSchema.Name} records.");
                var source = new YamlMappingNode(map.Children.Where(kv => Text(kv.Key) is "path" or "const" or "transform"));
                return new ArrayBinding(elementType, null, null, ParseValue(source, scalar, map), Text(splitNode), scalar, nullable);
            }
            if (array.ItemSchema is RecordSchema itemRecord)
            {
                var fieldsNode = Child(map, "fields") as YamlMappingNode ?? throw Error(map, $"'{name}' holds {itemRecord.Name} records: give 'fields' for each item.");
                return new ArrayBinding(elementType, itemsPath, InItems(itemsPath, () => ParseRecord(fieldsNode, itemRecord, elementType, nullable: false)), null, null, null, nullable);
            }
            var itemScalar = AvroScalar.For(array.ItemSchema) ?? throw Error(map, $"'{name}' has items of a type profiles cannot map.");
            var valueNode = Child(map, "value") ?? throw Error(map, $"'{name}' holds scalars: give 'value' (the path relative to each item, e.g. '$').");
            return new ArrayBinding(elementType, itemsPath, InItems(itemsPath, () => new ScalarBinding(ParseValue(valueNode, itemScalar), itemScalar, false)), null, null, null, nullable);
        }

        private ValueSpec ParseValue(YamlNode node, AvroScalar scalar, YamlNode? at = null)
        {
            var types = new SourceTypes(null, scalar.Kind);
            if (node is YamlScalarNode or YamlSequenceNode)
                return new ValueSpec { Paths = ParsePaths(node), Types = types };
            if (node is not YamlMappingNode map)
                throw Error(node, "a field mapping is a path, a list of paths, or a mapping with path, const, template, product, sum, present, default, required, transform, match and type.");
            CheckKeys(map, ValueKeys, "a field mapping");
            var sources = new[] { "path", "const", "template", "product", "sum", "present" }.Count(k => Child(map, k) is not null);
            if (sources > 1)
                throw Error(map, "give only one of path, const, template, product, sum and present.");
            if (sources == 0 && Child(map, "default") is null)
                throw Error(at ?? map, "give a path, const, template, product, sum, present or default.");
            if (Child(map, "type") is { } typeNode)
                types = new SourceTypes(DeclaredType(typeNode, map), scalar.Kind);
            var spec = new ValueSpec
            {
                Paths = Child(map, "path") is { } p ? ParsePaths(p) : null,
                Const = Child(map, "const") is { } c ? Text(c) : null,
                Template = Child(map, "template") is { } t ? ParseTemplate(t) : null,
                Computed = ParseComputed(map),
                Presence = Child(map, "present") is { } present ? ParsePaths(present) : null,
                Default = Child(map, "default") is { } d ? ParseDefault(d, scalar) : null,
                Required = Child(map, "required") is { } r && Bool(r),
                Transforms = Child(map, "transform") is { } list ? ParseTransforms(list) : [],
                Match = Child(map, "match") is { } m ? ParseMatch(m, Child(map, "const")) : null,
                Types = types,
            };
            if (spec.Const is not null)
                CheckConstant(Child(map, "const")!, spec.Const, scalar);
            if (spec.Paths is { } paths && itemDepth == 0 && spec.Transforms.Any(t => t is FingerprintTransform))
                fingerprinted.AddRange(paths.Select(path => (path, (YamlNode)map)));
            return spec;
        }

        /// <summary><c>path: $.a</c>, or a fallback list <c>path: [$.a, $.b]</c> read in order, the first present one winning.</summary>
        private IReadOnlyList<string> ParsePaths(YamlNode node)
        {
            if (node is not YamlSequenceNode list)
                return [CheckedPath(node)];
            return list.Children.Count > 0 ? list.Children.Select(CheckedPath).ToList() : throw Error(node, "a list of paths needs at least one path, e.g. [$.amount, $.total].");
        }

        /// <summary><c>default: constant</c> (used as written), or <c>default: { path: ..., transform: ... }</c>, a value of its own.</summary>
        private ValueSpec ParseDefault(YamlNode node, AvroScalar scalar)
        {
            if (node is YamlMappingNode)
                return ParseValue(node, scalar);
            var constant = Text(node);
            CheckConstant(node, constant, scalar);
            return new ValueSpec { Const = constant };
        }

        private string DeclaredType(YamlNode node, YamlMappingNode map)
        {
            if (!jsonPaths)
                throw Error(node, "'type' declares the JSON type of a value, so it needs a json or jsonl profile; CSV and X12 values have no types.");
            if (Child(map, "path") is null)
                throw Error(node, "'type' declares the JSON type of the value at 'path'; give a path.");
            var type = Text(node);
            return SourceTypes.Declarable.Contains(type) ? type : throw Error(node, $"type '{type}' is unknown; use one of {string.Join(", ", SourceTypes.Declarable)} as the vendor's API documentation gives the field.");
        }

        private Regex ParseMatch(YamlNode node, YamlNode? constant)
        {
            Regex regex;
            try
            {
                regex = new Regex($"^(?:{Text(node)})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException exception)
            {
                throw Error(node, $"match '{Text(node)}' is not a valid regular expression ({exception.Message}).");
            }
            if (constant is not null && !regex.IsMatch(Text(constant)))
                throw Error(constant, $"const '{Text(constant)}' does not match the field's pattern /{Text(node)}/.");
            return regex;
        }

        private DecimalProduct? ParseComputed(YamlMappingNode map)
        {
            if (Child(map, "product") is { } product)
                return new DecimalProduct(Factors(product), null);
            if (Child(map, "sum") is not { } sum)
                return null;
            if (sum is not YamlMappingNode sumMap || Child(sumMap, "items") is not { } items || (Child(sumMap, "product") is null && Child(sumMap, "amount") is null))
                throw Error(sum, "'sum' needs 'items' (path of the repeated items) and 'product' (paths inside each item) and/or 'amount' (each item's own amount, used when present), e.g. { items: PO1, product: [PO102, PO104] } or { items: $.lines, amount: $.total, product: [$.qty, $.price] }.");
            CheckKeys(sumMap, ["items", "product", "amount"], "'sum'");
            return InItems(Text(items), () => new DecimalProduct(Child(sumMap, "product") is { } factors ? Factors(factors) : [], CheckedPath(items),
                Child(sumMap, "amount") is { } amount ? ParsePaths(amount) : null));
        }

        private IReadOnlyList<string> Factors(YamlNode node)
        {
            var paths = node is YamlSequenceNode sequence ? sequence.Children.Select(CheckedPath).ToList() : [];
            return paths.Count >= 2 ? paths : throw Error(node, "'product' needs a list of at least two paths, e.g. [PO102, PO104].");
        }

        private void CheckConstant(YamlNode node, string text, AvroScalar scalar)
        {
            try
            {
                scalar.Convert(text, "const", "profile");
            }
            catch (MappingValueException exception)
            {
                throw Error(node, $"'{text}' does not fit the field's type {scalar.Describe()} ({exception.Message}).");
            }
        }

        private IReadOnlyList<TemplatePart> ParseTemplate(YamlNode node)
        {
            var text = Text(node);
            var parts = new List<TemplatePart>();
            var i = 0;
            while (i < text.Length)
            {
                var open = text.IndexOf('{', i);
                if (open < 0)
                {
                    parts.Add(new TemplatePart(text[i..], false));
                    break;
                }
                var close = ClosingBrace(text, open) ?? throw Error(node, $"template '{text}' has an unclosed '{{'.");
                if (open > i)
                    parts.Add(new TemplatePart(text[i..open], false));
                var optional = close > open + 1 && text[open + 1] == '?';
                var path = text[(open + (optional ? 2 : 1))..close];
                if (PathProblem(path) is { } problem)
                    throw Error(node, problem);
                parts.Add(new TemplatePart(path, true, optional));
                i = close + 1;
            }
            return parts;
        }

        /// <summary>The '}' closing the '{' at <paramref name="open"/>, skipping quoted text inside (filters such as {$.a[?(@.b=='}')].c}).</summary>
        private static int? ClosingBrace(string text, int open)
        {
            char? quote = null;
            for (var i = open + 1; i < text.Length; i++)
            {
                if (quote is not null)
                {
                    if (text[i] == quote)
                        quote = null;
                }
                else if (text[i] is '\'' or '"')
                    quote = text[i];
                else if (text[i] == '}')
                    return i;
            }
            return null;
        }

        private string CheckedPath(YamlNode node)
        {
            var path = Text(node);
            return PathProblem(path) is { } problem ? throw Error(node, problem) : path;
        }

        private string? PathProblem(string path)
        {
            if (path.Length == 0)
                return "a path must not be empty.";
            if (!jsonPaths)
                return null;
            try
            {
                JsonPath.Parse(path.StartsWith('^') ? path[1..] : path);
                return null;
            }
            catch (FormatException exception)
            {
                return exception.Message;
            }
        }

        private void CheckKeys(YamlMappingNode map, IReadOnlyCollection<string> allowed, string what)
        {
            foreach (var key in map.Children.Keys)
                if (!allowed.Contains(Text(key)))
                    throw Error(key, $"'{Text(key)}' is not a key of {what}; allowed: {string.Join(", ", allowed)}.");
        }

        private string RequiredText(YamlMappingNode map, string key)
        {
            var node = Child(map, key) ?? throw Error(map, $"'{key}' is missing.");
            var text = Text(node);
            return text.Length > 0 ? text : throw Error(node, $"'{key}' must not be empty.");
        }

        private bool Bool(YamlNode node) => Text(node) switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            var other => throw Error(node, $"'{other}' is not true or false."),
        };

        private Dictionary<string, string> Pairs(YamlMappingNode map) =>
            map.Children.ToDictionary(kv => Text(kv.Key), kv => Text(kv.Value), StringComparer.Ordinal);

        private string Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Error(node, "expected a single value here, not a list or mapping.");

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

        private static (Schema Schema, bool Nullable) Unwrap(Schema schema)
        {
            if (schema is UnionSchema union && union.Schemas.Count == 2 && union.Schemas.Any(s => s.Tag == Schema.Type.Null))
                return (union.Schemas.First(s => s.Tag != Schema.Type.Null), true);
            return (schema, false);
        }

        private static string Describe(Schema schema) => AvroScalar.For(schema)?.Describe() ?? schema.Name;

        private MappingProfileException Error(YamlNode node, string problem) => new(file, node.Start.Line, problem);
    }
}
