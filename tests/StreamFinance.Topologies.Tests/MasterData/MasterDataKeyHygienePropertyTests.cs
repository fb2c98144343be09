using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Rules.Lookups;
using static StreamFinance.Topologies.Tests.MasterData.TestUpdates;

namespace StreamFinance.Topologies.Tests.MasterData;

/// <summary>
/// Every update the master-data topology accepts is found by the look-ups (which read md.history by
/// <c>TYPE:businessKey</c>, type in upper case): keys spelled otherwise are dead-lettered, never stored out of reach.
/// </summary>
[Properties(Arbitrary = [typeof(KeySpellings)], MaxTest = 25)]
public sealed class MasterDataKeyHygienePropertyTests
{
    [Property]
    public Property Every_accepted_update_is_reachable_by_look_ups_and_every_other_is_dead_lettered(SpelledUpdate[] updates)
    {
        using var md = new MasterDataDriver();
        foreach (var spelled in updates)
            md.Send(spelled.Update, spelled.Key);
        var deadLettered = md.DeadLetters.ReadValueList().Select(d => Encoding.UTF8.GetString(d.rawKey)).ToHashSet();

        var problems = new List<string>();
        foreach (var spelled in updates)
        {
            var type = spelled.Update.objectType.ToString();
            var found = md.HistoryStore.Get(LookupKeys.Of(type, spelled.Update.businessKey.Trim())) is not null;
            var rejected = deadLettered.Contains(spelled.Key);
            if (found == rejected)
                problems.Add($"'{spelled.Key}': found by look-up {found}, dead-lettered {rejected}");
            if (spelled.Canonical && !found)
                problems.Add($"'{spelled.Key}' is canonical but was not stored");
            if (md.HistoryStore.Get(spelled.Key) is not null && !spelled.Canonical)
                problems.Add($"'{spelled.Key}' was stored under a key no look-up reads");
        }
        return (problems.Count == 0).Label(string.Join(Environment.NewLine, problems));
    }
}

/// <summary>An update and the record key it was sent with; canonical when that key is exactly what look-ups read.</summary>
public sealed record SpelledUpdate(MasterDataUpdate Update, string Key, bool Canonical)
{
    public override string ToString() => $"{Update.objectType} '{Update.businessKey}' keyed '{Key}'";
}

/// <summary>Cost centers and FX rates keyed as they should be, or with the type in another case, padded, or with a padded business key.</summary>
public static class KeySpellings
{
    public static Arbitrary<SpelledUpdate[]> Updates() =>
        Gen.Choose(1, 12)
            .SelectMany(count => Gen.CollectToList(Enumerable.Range(0, count), Spelled))
            .Select(list => list.ToArray())
            .ToArbitrary();

    private static Gen<SpelledUpdate> Spelled(int index) =>
        from isRate in Gen.Elements(false, true)
        from typeSpelling in Gen.Elements<Func<string, string>>(t => t, t => t.ToLowerInvariant(), t => char.ToUpperInvariant(t[0]) + t[1..].ToLowerInvariant(), t => " " + t, t => t + " ")
        from padded in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Make(index, isRate, typeSpelling, padded);

    private static SpelledUpdate Make(int index, bool isRate, Func<string, string> typeSpelling, bool padded)
    {
        var update = isRate
            ? Rate("EUR", "USD", Day(2026, 1, 1).AddDays(index), 1.08m)
            : CostCenter($"CC-{index:D4}", CostCenterStatus.ACTIVE, Day(2026, 1, 1));
        if (padded)
        {
            update.businessKey = $" {update.businessKey}";
            if (update.payload is CostCenter cc)
                cc.costCenterId = update.businessKey;
            else
                ((ExchangeRate)update.payload).exchangeRateId = update.businessKey;
        }
        var type = update.objectType.ToString();
        var key = $"{typeSpelling(type)}:{update.businessKey}";
        return new SpelledUpdate(update, key, key == MasterDataKeys.For(update.objectType, update.businessKey) && !padded);
    }
}
