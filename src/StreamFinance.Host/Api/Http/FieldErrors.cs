using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
namespace StreamFinance.Host.Api.Http;

/// <summary>What is wrong with each field of one request, collected so that a 400 lists every problem at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    /// <summary>Whether any problem was found.</summary>
    public bool Any => errors.Count > 0;

    /// <summary>Records that <paramref name="field"/> (JSON spelling) has <paramref name="problem"/>.</summary>
    public void Add(string field, string problem)
    {
        if (!errors.TryGetValue(field, out var list))
            errors[field] = list = [];
        list.Add(problem);
    }

    /// <summary>The problems per field, for the <c>errors</c> member of the problem details.</summary>
    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>One sentence naming every field with a problem.</summary>
    public string Summary() => "Fix " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")) + ".";
}
