using System.Xml.Linq;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Files;

namespace StreamFinance.Host.Tests.Architecture;

/// <summary>
/// The layers of the README's architecture table: each project under <c>src/</c> references only the projects its
/// layer may, so that platform code never depends on a topology, rules never on Kafka, and connectors never on topologies.
/// </summary>
public sealed class ProjectLayeringTests
{
    /// <summary>What each project may reference (its generator aside), as the README's architecture table says.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["StreamFinance.Contracts"] = [],
        ["StreamFinance.Domain"] = [],
        ["StreamFinance.Embedded"] = [],
        ["StreamFinance.AvroCodeGen"] = [],
        ["StreamFinance.Kafka"] = ["StreamFinance.Contracts", "StreamFinance.Domain"],
        ["StreamFinance.Rules"] = ["StreamFinance.Contracts", "StreamFinance.Domain"],
        ["StreamFinance.Topologies"] = ["StreamFinance.Kafka", "StreamFinance.Rules", "StreamFinance.Contracts", "StreamFinance.Domain"],
        ["StreamFinance.Connectors"] = ["StreamFinance.Kafka", "StreamFinance.Contracts", "StreamFinance.Domain"],
        ["StreamFinance.Host"] =
        [
            "StreamFinance.Connectors", "StreamFinance.Topologies", "StreamFinance.Kafka", "StreamFinance.Rules", "StreamFinance.Domain",
            "StreamFinance.Contracts", "StreamFinance.Embedded",
        ],
    };

    public static TheoryData<string> Projects => new(Directory.GetFiles(System.IO.Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
        .Select(p => System.IO.Path.GetFileNameWithoutExtension(p)).Order());

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_only_the_layers_below_it(string project)
    {
        Assert.True(Allowed.ContainsKey(project), $"{project} is not in the architecture table: add it to the README and to this test.");

        var references = References(project).Where(r => r != "StreamFinance.AvroCodeGen").Order().ToList();

        Assert.Empty(references.Except(Allowed[project]));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_product_project_references_test_support_or_a_test_project(string project) =>
        Assert.DoesNotContain(References(project), r => r == "StreamFinance.TestSupport" || r.EndsWith(".Tests", StringComparison.Ordinal) || r == "StreamFinance.IntegrationTests");

    [Fact]
    public void Test_support_references_product_projects_and_no_test_project()
    {
        var references = References("StreamFinance.TestSupport", "tests").ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(File.Exists(RepositoryRoot.Combine("src", r, $"{r}.csproj")), $"{r} is not a project under src/"));
    }

    [Fact]
    public void Connectors_reach_the_platform_without_the_topologies()
    {
        Assert.Contains("StreamFinance.Kafka", References("StreamFinance.Connectors"));
        Assert.DoesNotContain("StreamFinance.Topologies", References("StreamFinance.Connectors"));
    }

    private static IEnumerable<string> References(string project, string folder = "src")
    {
        var path = RepositoryRoot.Combine(folder, project, $"{project}.csproj");
        return XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include") ?? "")
            .Select(include => System.IO.Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .Where(name => name.StartsWith("StreamFinance.", StringComparison.Ordinal));
    }
}
