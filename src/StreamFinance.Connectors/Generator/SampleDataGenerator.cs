using Avro.Specific;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Money;

namespace StreamFinance.Connectors.Generator;

/// <summary>
/// Seeded, realistic synthetic data for the demo: first the master data of <see cref="SampleWorld"/> as
/// <c>md.updates</c>, then an endless mix of expenses, card transactions, purchase orders, goods receipts, supplier
/// invoices and onboarding requests that reference it. The same seed and clock give the same records.
/// </summary>
public sealed class SampleDataGenerator
{
    private readonly Random random;
    private readonly Func<DateTime> clock;
    private readonly List<PurchaseOrder> openOrders = [];
    private long sequence;

    /// <summary>Creates a generator; <paramref name="clock"/> defaults to the UTC wall clock.</summary>
    public SampleDataGenerator(int seed, Func<DateTime>? clock = null)
    {
        random = new Random(seed);
        this.clock = clock ?? (() => DateTime.UtcNow);
    }

    /// <summary>Every topic the generator writes: <c>md.updates</c> for the master data, then each ingest topic of the transaction mix.</summary>
    public static IReadOnlyList<TopicSpec> WrittenTopics { get; } =
        [Topics.MasterDataUpdates, Topics.Expenses, Topics.CardTransactions, Topics.PurchaseOrders, Topics.GoodsReceipts, Topics.SupplierInvoices, Topics.SupplierOnboarding];

    /// <summary>The reference data transactions draw from.</summary>
    public SampleWorld World { get; } = new();

    /// <summary>Every master-data object of the world, as updates from its system of record.</summary>
    public IEnumerable<GeneratedRecord> MasterData()
    {
        var today = clock().Date;
        var periodStart = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var yearStart = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        foreach (var e in World.Entities)
            yield return Update("d365", MasterDataObjectType.LEGAL_ENTITY, e.Id, yearStart, new LegalEntity
            {
                envelope = Envelope("d365", e.Id, yearStart), legalEntityId = e.Id, name = e.Name, country = e.Country,
                functionalCurrency = e.Currency, intercompanyPartnerEntityIds = World.Entities.Where(o => o.Id != e.Id).Select(o => o.Id).ToList(),
                effectiveFrom = yearStart,
            });
        foreach (var (id, entity, name) in World.CostCenters)
        {
            CostCenter Version(CostCenterStatus status, DateTime effective, DateTime? validTo) => new()
            {
                envelope = Envelope("sap-s4", id, effective), costCenterId = id, name = name, legalEntityId = entity,
                status = status, validFrom = yearStart.AddYears(-2), validTo = validTo,
                ownerEmployeeId = World.Employees.First(x => x.Entity == entity).Id, effectiveFrom = effective,
            };
            yield return Update("sap-s4", MasterDataObjectType.COST_CENTER, id, yearStart, Version(CostCenterStatus.ACTIVE, yearStart, null));
            // The inactive one was active until the end of last month: a status change with an effective date, so
            // point-in-time look-ups see it active before and inactive after.
            if (id == World.InactiveCostCenter)
                yield return Update("sap-s4", MasterDataObjectType.COST_CENTER, id, periodStart, Version(CostCenterStatus.INACTIVE, periodStart, periodStart.AddDays(-1)));
        }
        foreach (var (id, entity, open) in World.Projects)
            yield return Update("netsuite", MasterDataObjectType.PROJECT, id, yearStart, new Project
            {
                envelope = Envelope("netsuite", id, yearStart), projectId = id, name = id.Replace('-', ' '), legalEntityId = entity,
                status = open ? ProjectStatus.OPEN : ProjectStatus.CLOSED, startDate = yearStart.AddYears(-1),
                endDate = open ? null : yearStart.AddDays(-1), effectiveFrom = yearStart,
            });
        foreach (var category in World.Categories.DistinctBy(c => c.GlAccountId))
            yield return Update("sap-s4", MasterDataObjectType.GL_ACCOUNT, category.GlAccountId, yearStart, new GlAccount
            {
                envelope = Envelope("sap-s4", category.GlAccountId, yearStart), glAccountId = category.GlAccountId, chartOfAccounts = "GROUP",
                legalEntityId = null, name = $"{category.Name.Replace('_', ' ').ToLowerInvariant()} expense", accountType = GlAccountType.EXPENSE,
                status = GlAccountStatus.ACTIVE, effectiveFrom = yearStart,
            });
        foreach (var (id, jurisdiction, rate) in World.TaxCodes)
            yield return Update("sap-s4", MasterDataObjectType.TAX_CODE, id, yearStart, new TaxCode
            {
                envelope = Envelope("sap-s4", id, yearStart), taxCodeId = id, jurisdiction = jurisdiction, description = $"{jurisdiction} {rate:P2}",
                rate = AvroDecimals.ToAvro(rate, AvroDecimals.TaxRateScale), validFrom = yearStart.AddYears(-5), validTo = null,
            });
        foreach (var (id, name, country, taxId) in World.Suppliers)
            yield return Update("sap-s4", MasterDataObjectType.SUPPLIER, id, yearStart, new Supplier
            {
                envelope = Envelope("sap-s4", id, yearStart), supplierId = id, legalName = name, taxId = taxId, country = country,
                bankAccountFingerprint = Fingerprint(id), status = SupplierStatus.ACTIVE, riskStatus = SupplierRiskStatus.LOW,
                complianceStatus = SupplierComplianceStatus.COMPLIANT,
                sourceReferences = [new SupplierSourceReference { sourceSystem = "sap-s4", sourceId = id }], effectiveFrom = yearStart,
            });
        foreach (var record in MasterDataExceptions(today, yearStart))
            yield return record;
        // Employees take effect a day after the year starts: the NetSuite sample export (Samples/netsuite/employees.csv),
        // which the demo drops too, has the same people hired on January 1 without approval limits. A version of its own
        // day keeps these, with the approver's limit, in force whatever order the two arrive in.
        var employeesFrom = yearStart.AddDays(1);
        foreach (var (id, entity, costCenter) in World.Employees)
        {
            // The first employee of each entity approves everyone's purchase orders there, up to 1,000,000 USD or its equivalent.
            var approver = World.Employees.First(x => x.Entity == entity).Id;
            var currency = World.Entities.First(e => e.Id == entity).Currency;
            yield return Update("netsuite", MasterDataObjectType.EMPLOYEE, id, employeesFrom, new Employee
            {
                envelope = Envelope("netsuite", id, employeesFrom), employeeId = id, legalEntityId = entity, defaultCostCenterId = costCenter,
                approverEmployeeId = approver, status = EmployeeStatus.ACTIVE, effectiveFrom = employeesFrom,
                approvalLimit = id == approver ? Money(SampleWorld.ApprovalLimitUsd * SampleWorld.PerUsd(currency), currency) : null,
            });
        }
        foreach (var record in FxRates(today))
            yield return record;
        foreach (var e in World.Entities)
            for (var back = 1; back >= 0; back--)
            {
                var start = periodStart.AddMonths(-back);
                var periodId = $"{e.Id}-{start:yyyy}-{start.Month:00}";
                yield return Update("sap-s4", MasterDataObjectType.ACCOUNTING_PERIOD, periodId, start, new AccountingPeriod
                {
                    envelope = Envelope("sap-s4", periodId, start), periodId = periodId, legalEntityId = e.Id, fiscalYear = start.Year,
                    periodNumber = start.Month, startDate = start, endDate = start.AddMonths(1).AddDays(-1),
                    status = back == 0 ? AccountingPeriodStatus.OPEN : AccountingPeriodStatus.CLOSED,
                });
            }
        foreach (var (id, entity, _) in World.CostCenters)
        {
            var currency = World.Entities.First(e => e.Id == entity).Currency;
            var periodId = $"{entity}-{periodStart:yyyy}-{periodStart.Month:00}";
            var budgetId = $"{id}/{periodId}";
            yield return Update("sap-s4", MasterDataObjectType.BUDGET, budgetId, periodStart, new Budget
            {
                envelope = Envelope("sap-s4", budgetId, periodStart), budgetId = budgetId, costCenterId = id, projectId = null, periodId = periodId,
                amount = Money(250_000m * SampleWorld.PerUsd(currency), currency),
            });
        }
    }

    /// <summary>The X12 850 buyers of the sample files (PER*BD) and the sample employees they are: JSMITH buys for US01, MBAUER for DE01.</summary>
    public static IReadOnlyList<(string BuyerId, string EmployeeId)> EdiBuyers { get; } = [("JSMITH", "E-US01-003"), ("MBAUER", "E-DE01-003")];

    /// <summary>The item categories (CG qualifier in PO1) of the sample 850s per legal entity, all booked to office supplies 650200.</summary>
    public static IReadOnlyList<(string Entity, string Code, string Name)> EdiItemCategories { get; } =
    [
        ("US01", "46181504", "Protective gloves"), ("US01", "44103112", "Printer labels and tape"),
        ("DE01", "56101504", "Chairs"), ("DE01", "14111507", "Copier paper"), ("DE01", "56101703", "Desks"),
    ];

    /// <summary>
    /// The master data that lets procurement enrich the sample X12 850s, in force from <paramref name="effective"/>: the
    /// buyers' employees (<see cref="EdiBuyers"/>) again, now with their <c>edi-x12</c> cross-reference, and the item
    /// categories of <see cref="EdiItemCategories"/>. Not part of <see cref="MasterData"/>: an 850 is held
    /// (MISSING_REQUESTER, MISSING_GL_ACCOUNT) until these are sent.
    /// </summary>
    public IEnumerable<GeneratedRecord> EdiEnrichment(DateTime effective)
    {
        var day = DateTime.SpecifyKind(effective.Date, DateTimeKind.Utc);
        var employees = MasterData().Select(r => r.Value).OfType<MasterDataUpdate>().Where(u => u.objectType == MasterDataObjectType.EMPLOYEE)
            .ToDictionary(u => u.businessKey, u => (Employee)u.payload, StringComparer.Ordinal);
        foreach (var (buyer, id) in EdiBuyers)
        {
            var known = employees[id];
            yield return Update("netsuite", MasterDataObjectType.EMPLOYEE, id, day, new Employee
            {
                envelope = Envelope("netsuite", id, day), employeeId = id, legalEntityId = known.legalEntityId, defaultCostCenterId = known.defaultCostCenterId,
                approverEmployeeId = known.approverEmployeeId, status = known.status, effectiveFrom = day, email = known.email, approvalLimit = known.approvalLimit,
                sourceReferences = [new EmployeeSourceReference { sourceSystem = "edi-x12", sourceId = buyer }],
            });
        }
        foreach (var (entity, code, name) in EdiItemCategories)
        {
            var key = $"{entity}/{code}";
            yield return Update("sap-s4", MasterDataObjectType.ITEM_CATEGORY, key, day, new ItemCategory
            {
                envelope = Envelope("sap-s4", key, day), itemCategoryId = key, legalEntityId = entity, categoryCode = code, name = name, glAccountId = "650200", effectiveFrom = day,
            });
        }
    }

    /// <summary>
    /// A second version of the sample budget <paramref name="budgetId"/> (<c>CC-1020/US01-2026-12</c>): <paramref name="amount"/>
    /// in force from <paramref name="effective"/>, with its change against the first version, as its system of record sends it.
    /// </summary>
    /// <exception cref="ArgumentException">The sample world has no such budget this month.</exception>
    public GeneratedRecord BudgetChange(string budgetId, decimal amount, DateTime effective)
    {
        var first = MasterData().Select(r => r.Value).OfType<MasterDataUpdate>()
            .Where(u => u.objectType == MasterDataObjectType.BUDGET && u.businessKey == budgetId).Select(u => (Budget)u.payload).FirstOrDefault()
            ?? throw new ArgumentException($"The sample world has no budget {budgetId} this month.", nameof(budgetId));
        var currency = first.amount.currency;
        var day = DateTime.SpecifyKind(effective.Date, DateTimeKind.Utc);
        var change = Update("sap-s4", MasterDataObjectType.BUDGET, budgetId, day, new Budget
        {
            envelope = Envelope("sap-s4", budgetId, day), budgetId = budgetId, costCenterId = first.costCenterId, projectId = first.projectId, periodId = first.periodId,
            amount = Money(amount, currency), budgetVersion = "2", changeAmount = Money(amount - first.amount.ToDecimal(), currency), changeDate = day,
        });
        var update = (MasterDataUpdate)change.Value;
        update.envelope.idempotencyKey = $"sap-s4:{budgetId}:2";
        ((Budget)update.payload).envelope.idempotencyKey = update.envelope.idempotencyKey;
        return change;
    }

    /// <summary>
    /// Deliberate master-data cases, so the demo shows every path of the master-data topology: procurement's own record of
    /// <see cref="SampleWorld.DuplicateSupplier"/> spelled differently but with the same tax id and bank account (a duplicate,
    /// merged into the ERP's golden record); procurement trying to change that supplier's bank account, which only the ERP
    /// owns (dead-lettered as OWNERSHIP_VIOLATION); and a treasury rate of zero (dead-lettered as INVALID_FX_RATE).
    /// </summary>
    private IEnumerable<GeneratedRecord> MasterDataExceptions(DateTime today, DateTime yearStart)
    {
        var erp = World.Suppliers.First(s => s.Id == World.DuplicateSupplier);
        var duplicateId = World.ProcurementDuplicateId;
        yield return Update("coupa", MasterDataObjectType.SUPPLIER, duplicateId, yearStart, new Supplier
        {
            envelope = Envelope("coupa", duplicateId, yearStart.AddDays(14)), supplierId = duplicateId, legalName = "Mueller Buerotechnik GmbH",
            taxId = $"{erp.TaxId[..2]} {erp.TaxId[2..5]} {erp.TaxId[5..8]} {erp.TaxId[8..]}", country = erp.Country, bankAccountFingerprint = Fingerprint(erp.Id),
            status = SupplierStatus.ACTIVE, riskStatus = SupplierRiskStatus.NOT_SCREENED, complianceStatus = SupplierComplianceStatus.PENDING_REVIEW,
            contacts = [new SupplierContact { name = "Jana Mueller", email = "j.mueller@mueller-buerotechnik.example", phone = null, role = "ACCOUNTS_RECEIVABLE" }],
            sourceReferences = [new SupplierSourceReference { sourceSystem = "coupa", sourceId = duplicateId }], effectiveFrom = yearStart,
        });
        yield return Update("coupa", MasterDataObjectType.SUPPLIER, erp.Id, today, new Supplier
        {
            envelope = Envelope("coupa", erp.Id, today), supplierId = erp.Id, legalName = erp.Name, taxId = erp.TaxId, country = erp.Country,
            bankAccountFingerprint = Fingerprint($"{erp.Id}-changed-by-procurement"), status = SupplierStatus.ACTIVE, riskStatus = SupplierRiskStatus.LOW,
            complianceStatus = SupplierComplianceStatus.COMPLIANT,
            sourceReferences = [new SupplierSourceReference { sourceSystem = "sap-s4", sourceId = erp.Id }], effectiveFrom = today,
        });
        var rateId = $"USD/CHF/{today:yyyy-MM-dd}";
        yield return Update("d365", MasterDataObjectType.EXCHANGE_RATE, rateId, today, new ExchangeRate
        {
            envelope = Envelope("d365", rateId, today), exchangeRateId = rateId, fromCurrency = "USD", toCurrency = "CHF", rateDate = today,
            rate = AvroDecimals.ToAvro(0m, AvroDecimals.FxRateScale), rateType = ExchangeRateType.SPOT,
        });
    }

    /// <summary>The next transaction of the endless mix.</summary>
    public GeneratedRecord NextTransaction()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 40 => NextExpense(cardTransactionId: null),
            < 65 => NextCardTransaction(),
            < 77 => NextPurchaseOrder(),
            < 85 when openOrders.Count > 0 => NextGoodsReceipt(),
            < 95 when openOrders.Count > 0 => NextSupplierInvoice(),
            < 95 => NextPurchaseOrder(),
            _ => NextOnboardingRequest(),
        };
    }

    private IEnumerable<GeneratedRecord> FxRates(DateTime today)
    {
        foreach (var currency in new[] { "EUR", "JPY", "GBP" })
            for (var day = today.AddDays(-30); day <= today; day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    continue; // Rates are published on business days only; look-ups fall back to the previous one.
                var drift = 1m + (decimal)(Math.Sin(day.DayOfYear / 7.0) * 0.01);
                var perUsd = decimal.Round(SampleWorld.PerUsd(currency) * drift, 6);
                foreach (var (from, to, rate) in new[] { ("USD", currency, perUsd), (currency, "USD", decimal.Round(1m / perUsd, 8)) })
                {
                    var id = $"{from}/{to}/{day:yyyy-MM-dd}";
                    yield return Update("d365", MasterDataObjectType.EXCHANGE_RATE, id, day, new ExchangeRate
                    {
                        envelope = Envelope("d365", id, day), exchangeRateId = id, fromCurrency = from, toCurrency = to, rateDate = day,
                        rate = AvroDecimals.ToAvro(rate, AvroDecimals.FxRateScale), rateType = ExchangeRateType.SPOT,
                    });
                }
            }
    }

    private GeneratedRecord NextExpense(string? cardTransactionId, SampleWorld.Category? category = null, decimal? amount = null, string? employeeId = null, DateTime? date = null)
    {
        var employee = employeeId is null ? Pick(World.Employees) : World.Employees.First(e => e.Id == employeeId);
        var entity = World.Entities.First(e => e.Id == employee.Entity);
        category ??= Pick(World.Categories);
        var value = amount ?? AmountIn(category, entity.Currency);
        var day = date ?? clock().Date.AddDays(-random.Next(0, 10));
        var expenseId = $"EXP-{NextId()}";
        var source = random.Next(2) == 0 ? "concur" : "expensify";
        // Most lines use the employee's default cost center; a few are coded to the inactive one.
        var costCenter = random.Next(25) == 0 ? World.InactiveCostCenter : employee.CostCenter;
        var taxCode = World.TaxCodes.First(t => t.Jurisdiction.StartsWith(entity.Country, StringComparison.Ordinal));
        var expense = new ExpenseLine
        {
            envelope = Envelope(source, expenseId, day), reportId = $"RPT-{employee.Id}-{day:yyyyMM}", expenseId = expenseId, employeeId = employee.Id,
            merchant = Pick(category.Merchants), category = category.Name, transactionDate = day, amount = Money(value, entity.Currency),
            tax = taxCode.Rate == 0 ? null : Money(CurrencyMinorUnits.Round(value * taxCode.Rate / (1 + taxCode.Rate), entity.Currency), entity.Currency),
            receiptAttached = value < 75m * SampleWorld.PerUsd(entity.Currency) || random.Next(10) > 0,
            cardTransactionId = cardTransactionId, costCenterId = costCenter, projectId = random.Next(4) == 0 ? Pick(World.Projects.Where(p => p.Entity == entity.Id).ToList()).Id : null,
            glAccountId = null, taxCodeId = taxCode.Id, chargedEntityId = null, description = $"{category.Name.Replace('_', ' ').ToLowerInvariant()} at {expenseId}",
        };
        return new GeneratedRecord(Topics.Expenses, expenseId, expense);
    }

    private GeneratedRecord NextCardTransaction()
    {
        var employee = Pick(World.Employees);
        var entity = World.Entities.First(e => e.Id == employee.Entity);
        var category = Pick(World.Categories);
        var value = AmountIn(category, entity.Currency);
        var day = clock().Date.AddDays(-random.Next(1, 10));
        var id = $"CTX-{NextId()}";
        var source = random.Next(2) == 0 ? "ramp" : "brex";
        var card = new CardTransaction
        {
            envelope = Envelope(source, id, day), transactionId = id, employeeId = employee.Id, merchant = Pick(category.Merchants), mcc = category.Mcc,
            postedDate = day.AddDays(1), transactionDate = day, amount = Money(value, entity.Currency), billedAmount = Money(value, entity.Currency),
        };
        return new GeneratedRecord(Topics.CardTransactions, id, card);
    }

    private GeneratedRecord NextPurchaseOrder()
    {
        var entity = Pick(World.Entities);
        var supplier = Pick(World.Suppliers);
        var requester = Pick(World.Employees.Where(e => e.Entity == entity.Id).ToList());
        var poNumber = $"PO-{entity.Id}-{NextId()}";
        var lines = Enumerable.Range(1, random.Next(1, 4)).Select(n =>
        {
            var quantity = random.Next(1, 50);
            var unit = CurrencyMinorUnits.Round((decimal)(random.Next(500, 40_000) / 100.0) * SampleWorld.PerUsd(entity.Currency), entity.Currency);
            return new PurchaseOrderLine
            {
                lineNumber = n, item = $"Item {random.Next(1000, 9999)}", quantity = AvroDecimals.ToAvro(quantity, AvroDecimals.QuantityScale),
                unitPrice = Money(unit, entity.Currency), lineAmount = Money(unit * quantity, entity.Currency), glAccountId = "650200",
            };
        }).ToList();
        var now = clock();
        var order = new PurchaseOrder
        {
            envelope = Envelope("coupa", poNumber, now), poNumber = poNumber, legalEntityId = entity.Id, supplierId = supplier.Id, requesterId = requester.Id,
            costCenterId = requester.CostCenter, projectId = null, lines = lines,
            total = Money(lines.Sum(l => l.lineAmount.ToDecimal()), entity.Currency), status = PurchaseOrderStatus.APPROVED, approvedAt = now,
            revision = 0, poDate = now.Date,
        };
        openOrders.Add(order);
        if (openOrders.Count > 200)
            openOrders.RemoveAt(0);
        return new GeneratedRecord(Topics.PurchaseOrders, poNumber, order);
    }

    private GeneratedRecord NextGoodsReceipt()
    {
        var order = Pick(openOrders);
        var id = $"GR-{NextId()}";
        var now = clock();
        var receipt = new GoodsReceipt
        {
            envelope = Envelope("coupa", id, now), receiptId = id, poNumber = order.poNumber, supplierId = order.supplierId, receivedDate = now.Date,
            receivedBy = order.requesterId,
            lines = order.lines.Select(l => new GoodsReceiptLine { lineNumber = l.lineNumber, poLineNumber = l.lineNumber, quantityReceived = l.quantity!.Value }).ToList(), // the generator orders goods lines only, each with its quantity
        };
        return new GeneratedRecord(Topics.GoodsReceipts, id, receipt);
    }

    private GeneratedRecord NextSupplierInvoice()
    {
        var order = Pick(openOrders);
        var currency = order.total.currency;
        var invoiceNumber = $"INV-{NextId()}";
        var now = clock();
        var lines = order.lines.Select(l => new SupplierInvoiceLine
        {
            lineNumber = l.lineNumber, poLineNumber = l.lineNumber, description = l.item, quantity = l.quantity!.Value, unitPrice = l.unitPrice!,
            lineAmount = l.lineAmount, taxCodeId = null,
        }).ToList();
        var net = lines.Sum(l => l.lineAmount.ToDecimal());
        var source = random.Next(3) == 0 ? "edi-810" : "coupa";
        var invoice = new SupplierInvoice
        {
            envelope = Envelope(source, $"{order.supplierId}/{invoiceNumber}", now), invoiceNumber = invoiceNumber, supplierId = order.supplierId,
            legalEntityId = order.legalEntityId, poNumber = order.poNumber, invoiceDate = now.Date, dueDate = now.Date.AddDays(30), lines = lines,
            tax = Money(0m, currency), total = Money(net, currency),
        };
        return new GeneratedRecord(Topics.SupplierInvoices, $"{order.supplierId}/{invoiceNumber}", invoice);
    }

    private GeneratedRecord NextOnboardingRequest()
    {
        var entity = Pick(World.Entities);
        var id = $"ONB-{NextId()}";
        string[] names = ["Globex Corporation", "Initech LLC", "Umbrella Services GmbH", "Stark Components Ltd", "Wayne Facilities Inc."];
        var name = Pick(names);
        var request = new SupplierOnboardingRequest
        {
            envelope = Envelope("coupa", id, clock()), requestId = id, legalName = name, taxId = $"{entity.Country}-{random.Next(10_000_000, 99_999_999)}",
            country = entity.Country, bankAccountFingerprint = Fingerprint(name),
            contacts = [new SupplierContact { name = "Accounts Receivable", email = $"ar@{name.Split(' ')[0].ToLowerInvariant()}.example", phone = null, role = "billing" }],
            requestingEntityId = entity.Id, requestedBy = Pick(World.Employees.Where(e => e.Entity == entity.Id).ToList()).Id,
        };
        return new GeneratedRecord(Topics.SupplierOnboarding, id, request);
    }

    private GeneratedRecord Update(string source, MasterDataObjectType type, string key, DateTime effective, ISpecificRecord payload) =>
        new(Topics.MasterDataUpdates, $"{type}:{key}", new MasterDataUpdate
        {
            envelope = Envelope(source, key, effective), objectType = type, businessKey = key,
            operation = MasterDataOperation.UPSERT, effectiveDate = effective.Date, payload = payload,
        });

    private Envelope Envelope(string source, string sourceId, DateTime eventTime)
    {
        var now = clock();
        return new()
        {
        eventId = NewEventId(), correlationId = $"{source}:{sourceId}", sourceSystem = source, sourceId = sourceId,
        eventTime = DateTime.SpecifyKind(eventTime, DateTimeKind.Utc), ingestTime = DateTime.SpecifyKind(now, DateTimeKind.Utc),
        idempotencyKey = $"{source}:{sourceId}:1", mappingProfile = "generator@1",
        };
    }

    private Guid NewEventId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private decimal AmountIn(SampleWorld.Category category, string currency)
    {
        var usd = category.MinUsd + (decimal)random.NextDouble() * (category.MaxUsd - category.MinUsd);
        return CurrencyMinorUnits.Round(usd * SampleWorld.PerUsd(currency), currency);
    }

    private static Money Money(decimal amount, string currency) => amount.ToMoney(currency);

    private static string Fingerprint(string seed) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"bank:{seed}"))).ToLowerInvariant();

    private string NextId() => $"{Interlocked.Increment(ref sequence):000000}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
