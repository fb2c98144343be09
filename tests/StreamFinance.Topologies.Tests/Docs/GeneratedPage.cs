using System.Text.RegularExpressions;
using StreamFinance.Kafka.Docs;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Tests.Docs;

/// <summary>A generated topology page, with helpers to pick out its diagram and sections.</summary>
internal sealed record GeneratedPage(string Markdown)
{
    /// <summary>Generates the docs for <paramref name="topology"/> alone and returns its page; fails the test if it was not documented.</summary>
    public static GeneratedPage Of(IStreamTopology topology)
    {
        var docs = TopologyDocsGenerator.Generate([topology]);
        Assert.Empty(docs.Failures);
        return new GeneratedPage(docs.Files.Single(f => f.FileName == $"{topology.Name}.md").Content);
    }

    /// <summary>The Mermaid source between the <c>```mermaid</c> fence and its end.</summary>
    public string Mermaid => Regex.Match(Markdown, "```mermaid\n(?<chart>.*?)```", RegexOptions.Singleline).Groups["chart"].Value;

    /// <summary>The text of the <c>## <paramref name="heading"/></c> section, up to the next one.</summary>
    public string Section(string heading)
    {
        var match = Regex.Match(Markdown, $"^## {Regex.Escape(heading)}\n(?<body>.*?)(?=^## |\\z)", RegexOptions.Singleline | RegexOptions.Multiline);
        Assert.True(match.Success, $"The page has no '## {heading}' section:\n{Markdown}");
        return match.Groups["body"].Value;
    }

    /// <summary>The Mermaid id of the node or store drawn with exactly <paramref name="declaration"/> after its id, e.g. <c>[("expense.counts")]</c>.</summary>
    public string IdOf(string declaration)
    {
        var match = Regex.Match(Mermaid, $@"^\s+(?<id>[ns]\d+){Regex.Escape(declaration)}$", RegexOptions.Multiline);
        Assert.True(match.Success, $"No node is declared as {declaration} in:\n{Mermaid}");
        return match.Groups["id"].Value;
    }

    /// <summary>The Mermaid lines of one subgraph, by its title.</summary>
    public string Subgraph(string title)
    {
        var match = Regex.Match(Mermaid, $"subgraph \\w+\\[\"{Regex.Escape(title)}\"\\]\n(?<body>.*?)\n\\s+end\n", RegexOptions.Singleline);
        Assert.True(match.Success, $"No subgraph '{title}' in:\n{Mermaid}");
        return match.Groups["body"].Value;
    }
}
