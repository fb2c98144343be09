using System.Text.RegularExpressions;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Topologies.Tests.Docs;

public sealed class TopologyPageTests
{
    private static readonly GeneratedPage Sample = GeneratedPage.Of(new SampleExpenseTopology());

    [Fact]
    public void The_page_starts_with_the_topology_name_and_description()
    {
        Assert.StartsWith($"# {SampleExpenseTopology.TopologyName}\n", Sample.Markdown);
        Assert.Contains("\nRoutes sample expenses and counts them per employee.\n", Sample.Markdown);
        Assert.Contains("`streamfinance-docs-sample`", Sample.Markdown);
    }

    [Fact]
    public void Sources_and_sinks_are_drawn_as_topics_labelled_with_their_topic_and_given_name()
    {
        Sample.IdOf("([\"ingest.expenses<br/>expense.read\"])");
        Sample.IdOf("([\"expense.approved<br/>expense.write-approved\"])");
        Sample.IdOf("([\"status.expenses<br/>expense.write-status\"])");
        // The dead-letter sink has a generated name, so only its topic is shown.
        Sample.IdOf("([\"dlq.expenses\"])");
    }

    [Fact]
    public void Named_processors_keep_their_names_and_generated_ones_read_as_operator_kind_and_number()
    {
        Sample.IdOf("[\"expense.drop-empty\"]");
        Sample.IdOf("[\"expense.normalise\"]");
        Sample.IdOf("[\"expense.approve\"]");
        Assert.Matches(new Regex(@"\[""join #\d+""\]"), Sample.Mermaid);
        Assert.Matches(new Regex(@"\[""map values #\d+""\]"), Sample.Mermaid);
        Assert.DoesNotContain("KSTREAM-", Sample.Mermaid);
        Assert.DoesNotContain("KTABLE-", Sample.Mermaid);
    }

    [Fact]
    public void The_flow_follows_the_code_from_source_through_processors()
    {
        var source = Sample.IdOf("([\"ingest.expenses<br/>expense.read\"])");
        var filter = Sample.IdOf("[\"expense.drop-empty\"]");
        var map = Sample.IdOf("[\"expense.normalise\"]");

        Assert.Contains($"    {source} --> {filter}\n", Sample.Mermaid);
        Assert.Contains($"    {filter} --> {map}\n", Sample.Mermaid);
    }

    [Fact]
    public void Every_node_is_declared_after_the_nodes_that_feed_it_so_the_chart_reads_top_to_bottom()
    {
        var edges = Regex.Matches(Sample.Mermaid, @"^    n(?<from>\d+) --> n(?<to>\d+)$", RegexOptions.Multiline)
            .Select(m => (From: int.Parse(m.Groups["from"].Value), To: int.Parse(m.Groups["to"].Value)))
            .ToList();

        Assert.True(edges.Count > 10, "The sample has a flow to check.");
        Assert.All(edges, edge => Assert.True(edge.From < edge.To, $"n{edge.From} --> n{edge.To} points back up."));
    }

    [Fact]
    public void A_state_store_is_a_cylinder_linked_to_the_processor_that_uses_it()
    {
        var store = Sample.IdOf("[(\"expense.counts\")]");
        var count = Sample.IdOf("[\"expense.count\"]");

        Assert.Contains($"    {count} -.- {store}\n", Sample.Mermaid);
        Assert.Contains(store, Regex.Match(Sample.Mermaid, @"^    class (?<ids>[\w,]+) store;$", RegexOptions.Multiline).Groups["ids"].Value.Split(','));
    }

    [Fact]
    public void The_store_table_names_the_changelog_topic_from_the_application_id()
    {
        Assert.Contains(
            "| `expense.counts` | 2 | `expense.count` | `streamfinance-docs-sample-expense.counts-changelog` | 6 |",
            Sample.Section("State stores"));
    }

    [Fact]
    public void A_repartition_links_the_sub_topology_that_writes_it_to_the_one_that_reads_it()
    {
        var writer = Sample.Subgraph("Sub-topology 1");
        var reader = Sample.Subgraph("Sub-topology 2");
        var sink = Regex.Match(writer, @"(?<id>n\d+)\(\[""expense\.by-employee-repartition""\]\)").Groups["id"].Value;
        var source = Regex.Match(reader, @"(?<id>n\d+)\(\[""expense\.by-employee-repartition""\]\)").Groups["id"].Value;

        Assert.Contains($"    {sink} -. repartition .-> {source}\n", Sample.Mermaid);
        Assert.Contains(
            "| `streamfinance-docs-sample-expense.by-employee-repartition` | 6 | sub-topology 1 | sub-topology 2 |",
            Sample.Section("Repartition topics"));
    }

    [Fact]
    public void A_global_table_is_drawn_in_its_own_subgraph_with_its_topic_and_store()
    {
        var globals = Sample.Subgraph("Global tables");

        Assert.Contains("([\"md.cost-centers<br/>expense.cost-center-table-source\"])", globals);
        Assert.Contains("[(\"expense.cost-centers\")]", globals);
        Assert.Contains("| `md.cost-centers` | `expense.cost-centers` | `CostCenter` | 3 | compact |", Sample.Section("Global tables"));
    }

    [Fact]
    public void A_branch_leads_to_one_path_per_predicate_each_ending_in_its_sink()
    {
        var branch = Sample.IdOf("[\"expense.route\"]");
        var paths = Regex.Matches(Sample.Mermaid, $@"^    {branch} --> (?<next>n\d+)$", RegexOptions.Multiline).Select(m => m.Groups["next"].Value).ToList();

        Assert.Equal(2, paths.Count);
        Assert.All(paths, path => Assert.Matches(new Regex($@"^\s+{path}\[""expense\.routepredicate-\d""\]$", RegexOptions.Multiline), Sample.Mermaid));
    }

    [Fact]
    public void Input_and_output_tables_show_value_schema_partitions_and_cleanup_from_the_catalog()
    {
        Assert.Contains("| `ingest.expenses` | expense id | `ExpenseLine` | 6 | delete |", Sample.Section("Input topics"));
        Assert.Contains("| `md.cost-centers` | cost center id | `CostCenter` | 3 | compact |", Sample.Section("Input topics"));
        Assert.Contains("| `expense.approved` | expense id | `ApprovedExpense` | 6 | delete |", Sample.Section("Output topics"));
        Assert.Contains("| `dlq.expenses` | original record key | `DeadLetter` | 3 | delete |", Sample.Section("Output topics"));
        Assert.Contains("| `status.expenses` | expense id | `StatusUpdate` | 6 | compact |", Sample.Section("Output topics"));
        Assert.DoesNotContain("repartition", Sample.Section("Input topics") + Sample.Section("Output topics"));
    }

    [Fact]
    public void Unnamed_processors_are_listed_as_a_warning_with_their_label()
    {
        var unnamed = Sample.Section("Unnamed processors");

        Assert.Contains("**Warning:** ", unnamed);
        Assert.Matches(new Regex(@"\| `KSTREAM-JOIN-\d{10}` \| join #\d+ \| processor in sub-topology 1 \|"), unnamed);
        Assert.Matches(new Regex(@"\| `KSTREAM-SINK-\d{10}` \| sink #\d+ \| sink to `dlq.expenses` in sub-topology 1 \|"), unnamed);
        var join = Regex.Match(Sample.Mermaid, @"(?<id>n\d+)\[""join #\d+""\]").Groups["id"].Value;
        Assert.Contains(join, WarningIds(Sample));
    }

    [Fact]
    public void The_repartition_plumbing_that_no_api_can_name_is_not_listed_as_unnamed()
    {
        var unnamed = Sample.Section("Unnamed processors");

        var plumbingFilter = Regex.Match(Sample.Mermaid, @"(?<id>n\d+)\[""filter #\d+""\]");

        Assert.True(plumbingFilter.Success, "The sample's repartition filter is drawn.");
        Assert.DoesNotContain("-repartition`", unnamed);
        Assert.DoesNotContain("KSTREAM-FILTER-", unnamed);
        Assert.DoesNotContain("KSTREAM-SOURCE-", unnamed);
        // ... and not styled as a warning in the diagram either.
        Assert.DoesNotContain(plumbingFilter.Groups["id"].Value, WarningIds(Sample));
    }

    [Fact]
    public void A_fully_named_topology_has_no_unnamed_warning()
    {
        var page = GeneratedPage.Of(new DelegateTopology("named", [Topics.Expenses], [Topics.ApprovedExpenses], (builder, context) =>
            builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "named.read")
                .Filter((_, expense, _) => expense.receiptAttached, "named.with-receipt")
                .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "named.write")));

        Assert.DoesNotContain("Warning", page.Section("Unnamed processors"));
        Assert.Contains("None: every processor, source, sink and store has a name given by the code.", page.Section("Unnamed processors"));
        Assert.Empty(WarningIds(page));
    }

    [Fact]
    public void Topics_declared_differently_from_what_the_code_reads_and_writes_are_reported()
    {
        var page = GeneratedPage.Of(new DelegateTopology("misdeclared", [Topics.CardTransactions], [Topics.ApprovedExpenses], (builder, context) =>
            builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "misdeclared.read")
                .To(Topics.ExpenseDeadLetters.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "misdeclared.write")));

        var mismatches = page.Section("Declared topics differ from the code");
        Assert.Contains("- Reads `ingest.expenses` but does not declare it in `Inputs`.", mismatches);
        Assert.Contains("- Declares `ingest.card-transactions` in `Inputs` but does not read it.", mismatches);
        Assert.Contains("- Writes `dlq.expenses` but does not declare it in `Outputs`.", mismatches);
        Assert.Contains("- Declares `expense.approved` in `Outputs` but does not write it.", mismatches);
    }

    [Fact]
    public void A_page_whose_declaration_matches_the_code_has_no_mismatch_section()
    {
        Assert.DoesNotContain("## Declared topics differ from the code", Sample.Markdown);
    }

    [Fact]
    public void A_sink_that_chooses_its_topic_per_record_is_drawn_and_explained()
    {
        var page = GeneratedPage.Of(new DelegateTopology("dynamic", [Topics.Expenses], [], (builder, context) =>
            builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "dynamic.read")
                .To((_, _, _) => Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "dynamic.write")));

        page.IdOf("([\"topic chosen per record<br/>dynamic.write\"])");
        Assert.Contains("A sink also chooses its topic per record", page.Section("Output topics"));
    }

    [Fact]
    public void Quotes_angle_brackets_and_entity_codes_in_names_cannot_break_the_diagram()
    {
        var page = GeneratedPage.Of(new DelegateTopology("odd", [Topics.Expenses], [Topics.ApprovedExpenses], (builder, context) =>
            builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "odd.read")
                .Filter((_, _, _) => true, "keep \"all\" <expenses> #amp; #1")
                .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "odd.write")));

        page.IdOf("[\"keep #quot;all#quot; #lt;expenses#gt; #35;amp; #1\"]");
    }

    [Fact]
    public void Every_line_ends_with_a_line_feed_and_the_page_with_exactly_one()
    {
        Assert.DoesNotContain("\r", Sample.Markdown);
        Assert.EndsWith("\n", Sample.Markdown);
        Assert.False(Sample.Markdown.EndsWith("\n\n", StringComparison.Ordinal));
    }

    // Ids of the diagram elements styled as needing a name.
    private static IReadOnlyList<string> WarningIds(GeneratedPage page)
    {
        var match = Regex.Match(page.Mermaid, @"^    class (?<ids>[\w,]+) unnamed;$", RegexOptions.Multiline);
        return match.Success ? match.Groups["ids"].Value.Split(',') : [];
    }
}
