using System.Text.RegularExpressions;
using StreamFinance.Connectors.Mapping.Binding;
using StreamFinance.Connectors.Mapping.Outbound;
using YamlDotNet.RepresentationModel;

namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// The outbound twin of the profile language: a profile that turns canonical records of an <c>erp.*</c> topic into an
/// ERP's JSON call, with the inbound values (<c>path</c>, <c>const</c>, <c>template</c>, <c>default</c>, <c>transform</c>,
/// <c>match</c>) read from the canonical record's JSON. Checked at load like inbound profiles; errors name file and line.
/// </summary>
public sealed partial class MappingProfileLoader
{
    private static readonly HashSet<string> OutboundTopKeys = ["name", "version", "description", "targetSystem", "source", "postingId", "request", "body", "answer"];
    // The inbound value keys plus how the value is written (as) and when (when); listed whole, as static fields of partial files initialise in no set order.
    private static readonly HashSet<string> OutboundValueKeys = ["path", "const", "template", "product", "sum", "present", "default", "required", "transform", "match", "type", "as", "when"];

    /// <summary>Loads the outbound profile file at <paramref name="path"/>.</summary>
    /// <exception cref="MappingProfileException">The profile is invalid; the message names file, line and problem.</exception>
    public OutboundProfile LoadOutboundFile(string path) => LoadOutbound(ReadProfile(path), path);

    /// <summary>Loads an outbound profile from YAML text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="MappingProfileException">The profile is invalid; the message names file, line and problem.</exception>
    public OutboundProfile LoadOutbound(string yaml, string file) => new Parser(file, formats).ParseOutbound(yaml);

    private sealed partial class Parser
    {
        public OutboundProfile ParseOutbound(string yaml)
        {
            var root = Root(yaml, "an outbound profile must be a YAML mapping with name, version, targetSystem, source, postingId, request, body and answer.");
            CheckKeys(root, OutboundTopKeys, "an outbound profile");
            jsonPaths = true;
            var name = RequiredText(root, "name");
            var version = RequiredText(root, "version");
            var targetSystem = RequiredText(root, "targetSystem");
            var sourceNode = Child(root, "source") ?? throw Error(root, "'source' (the erp.* topic whose records are sent) is missing.");
            var source = OutboundProfile.SendableTopics.FirstOrDefault(t => t.Name == Text(sourceNode))
                ?? throw Error(sourceNode, $"source '{Text(sourceNode)}' is not a topic the ERP consumes; use one of {string.Join(", ", OutboundProfile.SendableTopics.Select(t => t.Name))}.");
            var postingId = ParseValue(Child(root, "postingId") ?? throw Error(root, "'postingId' (the path of the record's posting id, e.g. $.reconciliationId) is missing."), AvroScalar.String);

            var request = Child(root, "request") as YamlMappingNode ?? throw Error(root, "'request' (method, path, idempotencyHeader, headers) is missing.");
            CheckKeys(request, ["method", "path", "idempotencyHeader", "headers"], "'request'");
            var method = RequiredText(request, "method").ToUpperInvariant();
            if (method is not ("POST" or "PUT" or "PATCH"))
                throw Error(Child(request, "method")!, $"method '{method}' does not write a document; use POST, PUT or PATCH as the ERP's API documents it.");
            var path = ParseValue(Child(request, "path") ?? throw Error(request, "'path' (relative to the sink's endpoint) is missing."), AvroScalar.String);
            var idempotencyHeader = RequiredText(request, "idempotencyHeader");
            var headers = new List<(string, ValueSpec)>();
            if (Child(request, "headers") is { } headersNode)
                foreach (var (k, v) in (headersNode as YamlMappingNode ?? throw Error(headersNode, "'headers' must be a mapping of header name to value.")).Children)
                    headers.Add((Text(k), ParseValue(v, AvroScalar.String)));

            var body = ParseBody(Child(root, "body") as YamlMappingNode ?? throw Error(root, "'body' (the ERP's JSON, a mapping) is missing."), "body");
            var answer = ParseAnswer(Child(root, "answer") as YamlMappingNode ?? throw Error(root, "'answer' (documentNumber, fiscalYear, messages) is missing."));
            return new OutboundProfile(new OutboundProfileHeader(name, version, targetSystem, source, file), postingId, method, path, idempotencyHeader, headers, body, answer);
        }

        private OutboundNode ParseBody(YamlNode node, string field)
        {
            if (node is YamlScalarNode or YamlSequenceNode)
                return new OutboundValue(ParseValue(node, AvroScalar.String), OutboundJsonType.String, false, field, null);
            var map = (YamlMappingNode)node;
            if (Child(map, "each") is { } each)
            {
                CheckKeys(map, ["each", "fields", "value"], $"array '{field}'");
                var itemsPath = CheckedPath(each);
                var element = Child(map, "fields") is YamlMappingNode fields ? fields : Child(map, "value") ?? throw Error(map, $"array '{field}' needs 'fields' (an object per item) or 'value' (one value per item).");
                return new OutboundArray(itemsPath, InItems(itemsPath, () => ParseBody(element, field + "[]")));
            }
            if (!map.Children.Keys.Any(k => OutboundValueKeys.Contains(Text(k))))
                return new OutboundObject(map.Children.Select(kv => (Text(kv.Key), ParseBody(kv.Value, $"{field}.{Text(kv.Key)}"))).ToList());
            CheckKeys(map, OutboundValueKeys, $"value '{field}'");
            var spec = ParseValue(new YamlMappingNode(map.Children.Where(kv => Text(kv.Key) is not ("as" or "when"))), AvroScalar.String, map);
            var type = OutboundJsonType.String;
            if (Child(map, "as") is { } asNode && !Enum.TryParse(Text(asNode), ignoreCase: true, out type))
                throw Error(asNode, $"as '{Text(asNode)}' is unknown; write the value as string, number, integer or boolean.");
            OutboundCondition? when = null;
            if (Child(map, "when") is { } whenNode)
            {
                if (whenNode is not YamlMappingNode whenMap || Child(whenMap, "path") is not { } whenPath || Child(whenMap, "equals") is not { } equals)
                    throw Error(whenNode, "'when' needs 'path' and 'equals', e.g. { path: $.side, equals: DEBIT }.");
                CheckKeys(whenMap, ["path", "equals"], "'when'");
                when = new OutboundCondition(CheckedPath(whenPath), Text(equals));
            }
            return new OutboundValue(spec, type, spec.Required, field, when);
        }

        private OutboundAnswerSpec ParseAnswer(YamlMappingNode map)
        {
            CheckKeys(map, ["documentNumber", "fiscalYear", "messages"], "'answer'");
            var number = ParseAnswerValue(Child(map, "documentNumber") ?? throw Error(map, "'documentNumber' (where the ERP's answer holds the document number) is missing."));
            var year = Child(map, "fiscalYear") is { } yearNode ? ParseAnswerValue(yearNode) : null;
            var messages = new List<AnswerMessages>();
            if (Child(map, "messages") is { } messagesNode)
            {
                var entries = messagesNode is YamlSequenceNode list ? list.Children.ToList() : [messagesNode];
                foreach (var entry in entries)
                {
                    if (entry is YamlMappingNode itemsMap)
                    {
                        CheckKeys(itemsMap, ["items", "value"], "a messages entry");
                        messages.Add(new AnswerMessages(CheckedPath(Child(itemsMap, "items") ?? throw Error(entry, "a messages entry with a list needs 'items' and 'value'.")),
                            CheckedPath(Child(itemsMap, "value") ?? throw Error(entry, "a messages entry with a list needs 'items' and 'value'."))));
                    }
                    else
                        messages.Add(new AnswerMessages(null, CheckedPath(entry)));
                }
            }
            return new OutboundAnswerSpec(number, year, messages);
        }

        private AnswerValue ParseAnswerValue(YamlNode node)
        {
            if (node is not YamlMappingNode map)
                throw Error(node, "give one of body (a JSON path of the answer), header (a header name) or record (a path of the record sent), and optionally pattern.");
            CheckKeys(map, ["body", "header", "record", "pattern"], "an answer value");
            var sources = new[] { "body", "header", "record" }.Where(k => Child(map, k) is not null).ToList();
            if (sources.Count != 1)
                throw Error(map, "give exactly one of body, header and record.");
            var source = Enum.Parse<AnswerSource>(sources[0], ignoreCase: true);
            var at = Child(map, sources[0])!;
            var path = source == AnswerSource.Header ? Text(at) : CheckedPath(at);
            Regex? pattern = null;
            if (Child(map, "pattern") is { } patternNode)
            {
                try
                {
                    pattern = new Regex(Text(patternNode), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                }
                catch (ArgumentException exception)
                {
                    throw Error(patternNode, $"pattern '{Text(patternNode)}' is not a valid regular expression ({exception.Message}).");
                }
            }
            return new AnswerValue(source, path, pattern);
        }
    }
}
