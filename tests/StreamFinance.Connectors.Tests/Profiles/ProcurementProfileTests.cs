using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Connectors.Tests.Profiles;

public class ProcurementProfileTests
{
    [Fact]
    public void Coupa_purchase_orders_map_with_lines_in_the_order_currency_and_status()
    {
        var sample = MappedSample.Of("coupa-purchase-orders", "coupa/purchase-orders.json");

        Assert.Empty(sample.Failures);
        var order = sample.Value<PurchaseOrder>("PO-US01-31001");
        Assert.Equal("US01", order.legalEntityId);
        Assert.Equal("SUP-0001", order.supplierId);
        Assert.Equal("E-US01-003", order.requesterId);
        Assert.Equal("dana.reyes@streamfinance.example", order.requesterEmail);
        Assert.Equal(1, order.revision);
        Assert.Equal(new DateTime(2026, 11, 10), order.poDate);
        Assert.Equal("CC-1020", order.costCenterId);
        Assert.Equal("PRJ-ERP-2026", order.projectId);
        Assert.Equal(PurchaseOrderStatus.APPROVED, order.status);
        Assert.Equal(2, order.lines.Count);
        Assert.Equal(2, order.lines[1].lineNumber);
        Assert.Equal(2.0m, AvroDecimals.ToDecimal(order.lines[1].quantity!.Value));
        Assert.Equal(89.90m, order.lines[1].unitPrice!.ToDecimal());
        Assert.Equal("USD", order.lines[1].unitPrice!.currency);
        Assert.Equal(179.80m, order.lines[1].lineAmount.ToDecimal());
        Assert.Equal("650200", order.lines[0].glAccountId);
        Assert.Equal(8679.80m, order.total.ToDecimal());
        Assert.Equal("coupa:ingest.purchase-orders:PO-US01-31001/v1", order.envelope.idempotencyKey);
        Assert.Equal("PO-US01-31001", order.envelope.correlationId);
        var draft = sample.Value<PurchaseOrder>("PO-DE01-31002");
        Assert.Equal(PurchaseOrderStatus.DRAFT, draft.status);
        Assert.Equal("EUR", draft.lines[0].unitPrice!.currency);
        Assert.Equal(36.125m, draft.lines[0].unitPrice!.ToDecimal());
        Assert.Null(draft.projectId);
        Assert.Equal(PurchaseOrderLineType.GOODS, draft.lines[0].lineType);
        var service = draft.lines[1];
        Assert.Equal(PurchaseOrderLineType.SERVICE, service.lineType);
        Assert.Null(service.quantity);
        Assert.Null(service.unitPrice);
        Assert.Equal(120.00m, service.lineAmount.ToDecimal());
        Assert.Equal(481.25m, draft.total.ToDecimal());
        Assert.Equal(PurchaseOrderLineType.GOODS, order.lines[0].lineType);
    }

    [Fact]
    public void Coupa_invoices_are_keyed_by_supplier_and_invoice_number()
    {
        var sample = MappedSample.Of("coupa-invoices", "coupa/invoices.json");

        Assert.Empty(sample.Failures);
        var invoice = sample.Value<SupplierInvoice>("SUP-0001/INV-88123");
        Assert.Equal("PO-US01-31001", invoice.poNumber);
        Assert.Equal(new DateTime(2026, 11, 19, 0, 0, 0, DateTimeKind.Utc), invoice.invoiceDate);
        Assert.Equal(new DateTime(2026, 12, 19, 0, 0, 0, DateTimeKind.Utc), invoice.dueDate);
        Assert.Equal(2, invoice.lines[1].poLineNumber);
        Assert.Equal(8679.80m, invoice.total.ToDecimal());
        var nonPo = sample.Value<SupplierInvoice>("SUP-0005/RE-2026-0457");
        Assert.Null(nonPo.poNumber);
        Assert.Null(nonPo.lines[0].poLineNumber);
        Assert.Equal("DE-VAT19", nonPo.lines[0].taxCodeId);
        Assert.Equal(76.00m, nonPo.tax.ToDecimal());
        Assert.Equal("EUR", nonPo.total.currency);
    }
}
