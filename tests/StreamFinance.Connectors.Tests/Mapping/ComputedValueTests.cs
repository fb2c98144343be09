using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Tests.Mapping;

public class ComputedValueTests
{
    private const string Profile = """
        name: test-orders
        version: 1
        sourceSystem: test
        format: json
        target: ingest.purchase-orders
        sourceId: $.po
        fields:
          poNumber: $.po
          legalEntityId: { const: US01 }
          supplierId: { const: SUP-0001 }
          requesterId: { const: E-1 }
          costCenterId: { const: CC-1 }
          lines:
            items: $.lines
            fields:
              lineNumber: $.n
              item: { const: thing }
              quantity: { path: $.qty, transform: [decimal] }
              unitPrice: { amount: $.price, currency: { const: USD } }
              lineAmount: { amount: { product: [$.qty, $.price] }, currency: { const: USD } }
              glAccountId: { const: "600000" }
          total:
            amount: { sum: { items: $.lines, product: [$.qty, $.price] } }
            currency: { const: USD }
          status: { const: APPROVED }
        """;

    private static MappingResult Map(string json, string yaml = Profile)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var record = new SourceRecord { Position = new SourcePosition("test", 1), Raw = bytes, Document = JsonSourceDocument.Parse(bytes) };
        return new MappingProfileLoader().Load(yaml, "test-orders.yaml").Map(record, ProfileSamples.IngestTime);
    }

    [Fact]
    public void Product_multiplies_exactly_and_sum_adds_the_products_of_every_item()
    {
        var order = (PurchaseOrder)Map("""{"po":"P1","lines":[{"n":1,"qty":"3","price":"0.3333"},{"n":2,"qty":"2.5","price":"4.10"}]}""").Record!.Value;

        Assert.Equal([0.9999m, 10.250m], order.lines.Select(l => l.lineAmount.ToDecimal()));
        Assert.Equal(11.2499m, order.total.ToDecimal());
    }

    [Fact]
    public void A_product_more_precise_than_the_schema_scale_is_schema_invalid_not_rounded()
    {
        var failure = Map("""{"po":"P1","lines":[{"n":1,"qty":"0.5","price":"0.3333"}]}""").Failure!;

        Assert.Equal(ReasonCode.SchemaInvalid, failure.Reason);
        Assert.Contains("lines[0].lineAmount.amount", failure.Message);
    }

    [Fact]
    public void A_factor_that_is_not_a_number_fails_mapping_naming_the_path_and_value()
    {
        var failure = Map("""{"po":"P1","lines":[{"n":1,"qty":"three","price":"1"}]}""").Failure!;

        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Contains("'three' at $.qty is not a decimal", failure.Message);
    }

    [Fact]
    public void A_missing_factor_leaves_the_value_missing()
    {
        var yaml = Profile.Replace("unitPrice: { amount: $.price", "unitPrice: { amount: { const: \"1\" }", StringComparison.Ordinal);
        Assert.NotEqual(Profile, yaml);

        var failure = Map("""{"po":"P1","lines":[{"n":1,"qty":"2"}]}""", yaml).Failure!;

        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Contains("required value missing at product $.qty * $.price", failure.Message);
    }

    private static readonly string ServiceLines = Profile
        .Replace("lineAmount: { amount: { product: [$.qty, $.price] }", "lineAmount: { amount: { path: $.amount, default: { product: [$.qty, $.price] } }", StringComparison.Ordinal)
        .Replace("quantity: { path: $.qty, transform: [decimal] }", "quantity: { path: $.qty, default: \"1\" }", StringComparison.Ordinal)
        .Replace("unitPrice: { amount: $.price,", "unitPrice: { amount: { path: [$.price, $.amount] },", StringComparison.Ordinal)
        .Replace("sum: { items: $.lines, product: [$.qty, $.price] }", "sum: { items: $.lines, amount: $.amount, product: [$.qty, $.price] }", StringComparison.Ordinal);

    [Fact]
    public void Sum_adds_each_items_own_amount_when_present_else_its_product_so_service_lines_count()
    {
        var order = (PurchaseOrder)Map("""{"po":"P1","lines":[{"n":1,"qty":"2","price":"4.25","amount":"8.50"},{"n":2,"amount":"150.00"},{"n":3,"qty":"3","price":"1.10"}]}""", ServiceLines).Record?.Value!;

        Assert.NotNull(order);
        Assert.Equal(161.80m, order.total.ToDecimal());
    }

    [Fact]
    public void Sum_of_amounts_alone_adds_the_amounts_and_is_missing_when_an_item_has_none()
    {
        var yaml = ServiceLines.Replace("amount: $.amount, product: [$.qty, $.price] }", "amount: [$.amount, $.total] }", StringComparison.Ordinal);
        Assert.NotEqual(ServiceLines, yaml);

        var order = (PurchaseOrder)Map("""{"po":"P1","lines":[{"n":1,"amount":"8.50"},{"n":2,"qty":"1","price":"150.00","total":"150.00"}]}""", yaml).Record!.Value;
        var failure = Map("""{"po":"P1","lines":[{"n":1,"amount":"8.50"},{"n":2,"qty":"1","price":"2","xamount":"2.00"}]}""", yaml).Failure!;

        Assert.Equal(158.50m, order.total.ToDecimal());
        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Contains("total.amount: required value missing at sum over $.lines of $.amount | $.total", failure.Message);
    }

    [Fact]
    public void A_line_amount_that_is_not_a_number_fails_the_sum_naming_the_path()
    {
        var yaml = Profile.Replace("sum: { items: $.lines, product: [$.qty, $.price] }", "sum: { items: $.lines, amount: $.amount, product: [$.qty, $.price] }", StringComparison.Ordinal);
        var failure = Map("""{"po":"P1","lines":[{"n":1,"qty":"1","price":"1","amount":"8,5x"}]}""", yaml).Failure!;

        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Contains("'8,5x' at $.amount is not a decimal (culture invariant), so sum over $.lines of $.amount else product $.qty * $.price cannot be computed", failure.Message);
    }

    [Theory]
    [InlineData("product: [$.qty, $.price] }, currency", "product: [$.qty] }, currency", "'product' needs a list of at least two paths")]
    [InlineData("sum: { items: $.lines, product", "sum: { product", "'sum' needs 'items'")]
    [InlineData("sum: { items: $.lines, product: [$.qty, $.price] }", "sum: { items: $.lines }", "and/or 'amount'")]
    [InlineData("sum: { items: $.lines, product: [$.qty, $.price] }", "sum: { items: $.lines, amount: [] }", "at least one path")]
    [InlineData("{ sum: { items: $.lines,", "{ path: $.x, sum: { items: $.lines,", "give only one of path, const, template, product, sum and present")]
    [InlineData("product: [$.qty, $.price]", "product: [$.qty, price]", "JSON path 'price' must start with '$'")]
    public void Malformed_computed_values_are_refused_at_load(string from, string to, string problem)
    {
        var yaml = Profile.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Profile, yaml);

        var error = Assert.Throws<MappingProfileException>(() => new MappingProfileLoader().Load(yaml, "test-orders.yaml"));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void The_x12_format_is_registered_and_its_options_are_refused_at_load()
    {
        var yaml = Profile.Replace("format: json", "format: x12\nformatOptions: { delimiter: '*' }", StringComparison.Ordinal)
            .Replace("$.", "X", StringComparison.Ordinal);

        Assert.Contains("x12", SourceFormats.Default.Names);
        var error = Assert.Throws<MappingProfileException>(() => new MappingProfileLoader().Load(yaml, "test-orders.yaml"));
        Assert.Contains("the x12 format takes no options", error.Message);
        Assert.Contains("'delimiter'", error.Message);
    }

    [Fact]
    public void Implied_decimals_that_are_not_a_small_whole_number_are_refused_at_load()
    {
        var yaml = Profile.Replace("quantity: { path: $.qty, transform: [decimal] }", "quantity: { path: $.qty, transform: [{ decimal: { impliedDecimals: two } }] }", StringComparison.Ordinal);

        var error = Assert.Throws<MappingProfileException>(() => new MappingProfileLoader().Load(yaml, "test-orders.yaml"));
        Assert.Contains("impliedDecimals 'two' must be a whole number from 0 to 10", error.Message);
    }
}
