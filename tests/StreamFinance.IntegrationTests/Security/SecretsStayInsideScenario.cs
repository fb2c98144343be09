using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using StreamFinance.Connectors.Webhooks;
using StreamFinance.Contracts.Catalog;
using StreamFinance.IntegrationTests.Processes;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Ports;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.IntegrationTests.Security;

/// <summary>
/// Issue 14, point 7, with the real executable: <c>run</c> is given distinctive secrets through the environment and
/// through secret files (Kafka SASL password, Schema Registry basic auth, the validation API's key, a webhook's HMAC
/// secret, a connector's dead-letter sealing key) and then made to fail in every way that writes something down: a
/// supplier row that cannot be mapped (with an IBAN in it), an unmappable webhook delivery, a badly signed one, a poison
/// record on <c>ingest.expenses</c>, a request with a wrong API key. Then every record of every topic on the broker
/// (keys, values, headers), the metrics, the health answers and the whole log are searched for each secret and for the
/// raw bank account numbers: none may be there. The registry the broker hosts asks for the same basic-auth credentials
/// as a secured one would, so the pipeline becoming ready shows those reached the registry clients; the listeners are
/// checked in the kernel's socket table to bind 127.0.0.1. Runs once per log format.
/// </summary>
/// <remarks>
/// Not proven here: the SASL password reaching a broker. The embedded broker speaks PLAINTEXT only, so the password is
/// configured (and must leak nowhere) but the clients use it only under <c>Kafka:SecurityProtocol</c> SaslPlaintext or
/// SaslSsl; <c>SecretsReachTheClientsTests</c> checks every client configuration carries it then.
/// </remarks>
public sealed class SecretsStayInsideScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private const string SaslPassword = "kafka-sasl-Vb39-never-shown";
    private const string RegistryUserInfo = "registry-user:registry-pw-Kd62-never-shown";
    private const string ApiKey = "api-key-Ym48-never-shown-0123";
    private const string WebhookSecret = "webhook-secret-Pn25-never-shown";
    private static readonly string DeadLetterSecret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    /// <summary>Bank accounts in the supplier file: one on a row that maps, one on a row that cannot be mapped.</summary>
    private const string MappedIban = "DE75 5121 0800 1245 1261 99";
    private const string UnmappableIban = "FR76 3000 6000 0112 3456 7890 189";

    [Theory(Timeout = 240_000)]
    [InlineData("simple")]
    [InlineData("json")]
    public async Task No_secret_and_no_bank_account_reaches_a_topic_a_metric_a_health_answer_or_the_log(string logFormat)
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory("secrets");
        var registryFile = WriteSecret(work.Path, "registry-user-info", RegistryUserInfo);
        var webhookFile = WriteSecret(work.Path, "webhook-secret", WebhookSecret);
        var registryEnvironment = new Dictionary<string, string> { ["STREAMFINANCE_SchemaRegistry__BasicAuthUserInfoFile"] = registryFile };
        await using var broker = await BrokerProcess.StartAsync(environment: registryEnvironment);

        var inbox = Directory.CreateDirectory(Path.Combine(work.Path, "suppliers")).FullName;
        var webhookPort = TakenPort.Free();
        var environment = new Dictionary<string, string>(registryEnvironment)
        {
            ["STREAMFINANCE_Kafka__SaslUsername"] = "streamfinance",
            ["STREAMFINANCE_Kafka__SaslPassword"] = SaslPassword,
            ["STREAMFINANCE_Api__ApiKey"] = ApiKey,
            ["STREAMFINANCE_Connectors__coupa-hooks__Webhook__SecretFile"] = webhookFile,
            ["STREAMFINANCE_Connectors__sap-suppliers__DeadLetterSecret"] = DeadLetterSecret,
            ["STREAMFINANCE_Logging__Format"] = logFormat,
        };
        await using var run = StreamFinanceProcess.Start(environment, ["run", .. broker.RunArguments, "--config", WriteSettings(work.Path, inbox, webhookPort)]);
        var ready = new Uri(await run.WaitForLineAsync(@"health at \S+ and (\S+)$", Patience));
        var api = new Uri(await run.WaitForLineAsync(@"^Validation API at (\S+)$", Patience));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using (var anonymous = await http.GetAsync(new Uri(new Uri(broker.SchemaRegistryUrl), "/subjects"), ct))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await Wait.UntilAsync("/health/ready to answer 200 (the registry asks for basic auth)", Patience,
            async () => await StatusAsync(http, ready), status => status == HttpStatusCode.OK, status => $"{status}; {Tail(run)}");

        // Everything that writes something down.
        await File.WriteAllTextAsync(Path.Combine(inbox, "suppliers.csv"),
            "LIFNR;NAME1;LAND1;STCD1;IBAN;SPERR;ERDAT\n" +
            $"SUP-7001;Secret Test GmbH;DE;DE811234567;{MappedIban};;20260101\n" +
            $"SUP-7002;Unmappable Date SA;FR;FR12345678901;{UnmappableIban};;2026-13-45\n", ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await DeliverAsync(http, webhookPort, "evt-unmappable", """{"unexpected":"shape"}""", WebhookSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await DeliverAsync(http, webhookPort, "evt-forged", """{"po":"PO-1"}""", "not-the-secret-0123456789"));
        using (var raw = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
            await raw.ProduceAsync(Topics.Expenses.Name, new Message<byte[], byte[]> { Key = "POISON"u8.ToArray(), Value = [0xff, 0x00, 0x13] }, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, await ValidateAsync(http, api, "wrong-key-0123456789abc"));
        Assert.Equal(HttpStatusCode.OK, await ValidateAsync(http, api, ApiKey));

        var deadLetters = Wait.Until("the supplier row, the webhook delivery and the poison record dead-lettered", Patience,
            () => Read(broker.BootstrapServers, [Topics.IngestDeadLetters.Name, Topics.ExpenseDeadLetters.Name]),
            records => records.Count(r => Header(r, "__streams.errors.topic") is null && r.Topic == Topics.IngestDeadLetters.Name) >= 2
                       && records.Any(r => r.Topic == Topics.ExpenseDeadLetters.Name),
            records => $"{records.Count} dead letter(s); {Tail(run)}");
        Assert.Contains(deadLetters, r => Header(r, "streamfinance.sensitive-masked") == "true");
        Wait.Until("the mapped supplier on md.updates", Patience, () => Read(broker.BootstrapServers, [Topics.MasterDataUpdates.Name]),
            records => records.Any(r => Contains(r.Message.Key, "SUP-7001")), records => $"{records.Count} record(s)");

        var metrics = await http.GetStringAsync(new Uri(ready, "/metrics"), ct);
        var health = await http.GetStringAsync(new Uri(ready, "/health/ready"), ct);
        var listening = ListeningAddresses([ready.Port, api.Port, webhookPort]);
        run.Terminate();
        Assert.Equal(0, (await run.WaitForExitAsync(TimeSpan.FromSeconds(30)))?.ExitCode);

        var forbidden = Forbidden();
        var topics = AllTopics(broker.BootstrapServers);
        var records = Read(broker.BootstrapServers, topics);
        TestContext.Current.TestOutputHelper?.WriteLine($"searched {records.Count} records on {topics.Count} topics, {metrics.Length} bytes of metrics, {run.Lines.Count} log lines");
        foreach (var record in records)
        {
            var where = $"{record.Topic}[{record.Partition.Value}]@{record.Offset.Value}";
            Assert.Null(Found(forbidden, record.Message.Key, $"{where} key"));
            Assert.Null(Found(forbidden, record.Message.Value, $"{where} value"));
            foreach (var header in record.Message.Headers ?? [])
                Assert.Null(Found(forbidden, header.GetValueBytes(), $"{where} header {header.Key}"));
        }
        Assert.Null(Found(forbidden, Encoding.UTF8.GetBytes(metrics), "/metrics"));
        Assert.Null(Found(forbidden, Encoding.UTF8.GetBytes(health), "/health/ready"));
        Assert.Null(Found(forbidden, Encoding.UTF8.GetBytes(run.Output), "the log"));
        if (logFormat == "json")
            Assert.All(run.Lines.Where(l => l.StartsWith('{')), line => JsonDocument.Parse(line).Dispose());
        Assert.All(listening, l => Assert.True(l.Address == "127.0.0.1", $"port {l.Port} listens on {l.Address}, not 127.0.0.1"));
        Assert.Equal(3, listening.Select(l => l.Port).Distinct().Count());
    }

    /// <summary>Every form in which a secret or account number could be written: as given, base64 (an Authorization header), and the IBANs without spaces.</summary>
    private static List<(string Name, byte[] Bytes)> Forbidden()
    {
        var secrets = new (string Name, string Value)[]
        {
            ("Kafka:SaslPassword", SaslPassword), ("SchemaRegistry:BasicAuthUserInfo", RegistryUserInfo), ("registry password", RegistryUserInfo.Split(':')[1]),
            ("Api:ApiKey", ApiKey), ("webhook secret", WebhookSecret), ("DeadLetterSecret", DeadLetterSecret),
            ("mapped IBAN", MappedIban), ("mapped IBAN, compact", MappedIban.Replace(" ", "")),
            ("unmappable IBAN", UnmappableIban), ("unmappable IBAN, compact", UnmappableIban.Replace(" ", "")),
        };
        return secrets.Select(s => (s.Name, Encoding.UTF8.GetBytes(s.Value)))
            .Append(("registry basic auth header", Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(RegistryUserInfo)))))
            .ToList();
    }

    private static string? Found(List<(string Name, byte[] Bytes)> forbidden, byte[]? haystack, string where) =>
        haystack is null ? null : forbidden.Where(f => haystack.AsSpan().IndexOf(f.Bytes) >= 0).Select(f => $"{f.Name} found in {where}").FirstOrDefault();

    private static bool Contains(byte[]? bytes, string text) => bytes is not null && bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static string? Header(ConsumeResult<byte[], byte[]> record, string key) =>
        record.Message.Headers?.TryGetLastBytes(key, out var value) == true ? Encoding.UTF8.GetString(value) : null;

    private static List<string> AllTopics(string bootstrapServers)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Select(t => t.Topic).Where(t => !t.StartsWith("__", StringComparison.Ordinal)).Order().ToList();
    }

    private static List<ConsumeResult<byte[], byte[]>> Read(string bootstrapServers, IEnumerable<string> topics) =>
        topics.SelectMany(t => TopicReader.ReadAll(bootstrapServers, t, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)).ToList();

    /// <summary>The local addresses the kernel lists for sockets listening on <paramref name="ports"/> (IPv4 and IPv6).</summary>
    private static List<(int Port, string Address)> ListeningAddresses(IReadOnlyCollection<int> ports)
    {
        const string listen = "0A";
        var found = new List<(int Port, string Address)>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
            foreach (var fields in File.ReadLines(table).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                var local = fields[1].Split(':');
                var port = int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (fields[3] == listen && ports.Contains(port))
                    found.Add((port, Address(local[0])));
            }
        return found;
    }

    /// <summary>A /proc/net address: 4 bytes (IPv4) or 16 (IPv6), each 32-bit word in the host's (little-endian) order.</summary>
    private static string Address(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
            Array.Reverse(bytes, word, 4);
        var address = new IPAddress(bytes);
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, Uri uri)
    {
        try
        {
            using var answer = await http.GetAsync(uri, TestContext.Current.CancellationToken);
            return answer.StatusCode;
        }
        catch (HttpRequestException)
        {
            return HttpStatusCode.ServiceUnavailable;
        }
    }

    private static async Task<HttpStatusCode> DeliverAsync(HttpClient http, int port, string eventId, string body, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/webhooks/coupa-hooks") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-StreamFinance-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-StreamFinance-Signature", WebhookSignature.Sign(secret, timestamp, bytes));
        request.Headers.Add("X-StreamFinance-Event-Id", eventId);
        using var answer = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return answer.StatusCode;
    }

    private static async Task<HttpStatusCode> ValidateAsync(HttpClient http, Uri api, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api + "/validate/expense-coding"))
        {
            Content = new StringContent("""{"legalEntityId":"US01","costCenterId":"CC-1042","date":"2026-04-01","amount":12.50,"currency":"EUR"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key);
        using var answer = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return answer.StatusCode;
    }

    private static string WriteSecret(string root, string name, string value)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, value + "\n");
        return path;
    }

    private static string WriteSettings(string root, string inbox, int webhookPort)
    {
        var settings = new
        {
            Streams = new { ApplicationIdPrefix = $"secrets-{Guid.NewGuid():N}"[..16], StateDir = Path.Combine(root, "state"), CommitIntervalMs = 200 },
            Observability = new { MetricsPort = 0, RegistryCheckIntervalSeconds = 1 },
            Api = new { Port = 0 },
            Connectors = new Dictionary<string, object>
            {
                ["sap-suppliers"] = new { Kind = "FileDrop", Profile = "sap-suppliers", FileDrop = new { Inbox = inbox, PollIntervalMs = 200, SettleMs = 0 } },
                ["coupa-hooks"] = new { Kind = "Webhook", Profile = "coupa-purchase-orders", Webhook = new { Port = webhookPort } },
            },
        };
        var path = Path.Combine(root, "appsettings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    private static string Tail(StreamFinanceProcess process) => string.Join(" | ", process.Lines.TakeLast(8));
}
