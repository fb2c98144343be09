using System.Collections;
using Avro;
using Avro.Specific;

namespace StreamFinance.Contracts.Tests.Support;

/// <summary>Field-by-field comparison of generated records, naming the path of the first difference.</summary>
internal static class RecordAssert
{
    /// <summary>Fails unless every field of <paramref name="record"/>, recursively, is non-null.</summary>
    public static void FullyPopulated(ISpecificRecord record, string path)
    {
        foreach (var field in ((RecordSchema)record.Schema).Fields)
        {
            var value = record.Get(field.Pos);
            var fieldPath = $"{path}.{field.Name}";
            Assert.True(value is not null, $"{fieldPath} is null; the sample builder must fill every field.");
            switch (value)
            {
                case ISpecificRecord nested:
                    FullyPopulated(nested, fieldPath);
                    break;
                case IList list:
                    Assert.True(list.Count > 0, $"{fieldPath} is empty.");
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is ISpecificRecord item)
                        {
                            FullyPopulated(item, $"{fieldPath}[{i}]");
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Fails with the path of the first field whose value differs.</summary>
    public static void Equal(object? expected, object? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual}.");
                break;
            case ISpecificRecord expectedRecord:
                Assert.True(actual is not null && actual.GetType() == expected.GetType(),
                    $"{path}: expected a {expected.GetType().FullName}, got {actual?.GetType().FullName ?? "null"}.");
                var actualRecord = (ISpecificRecord)actual!;
                foreach (var field in ((RecordSchema)expectedRecord.Schema).Fields)
                {
                    Equal(expectedRecord.Get(field.Pos), actualRecord.Get(field.Pos), $"{path}.{field.Name}");
                }

                break;
            case byte[] expectedBytes:
                Assert.True(actual is byte[] actualBytes && expectedBytes.AsSpan().SequenceEqual(actualBytes),
                    $"{path}: bytes differ.");
                break;
            case AvroDecimal expectedDecimal:
                Assert.True(actual is AvroDecimal actualDecimal
                        && actualDecimal.UnscaledValue == expectedDecimal.UnscaledValue
                        && actualDecimal.Scale == expectedDecimal.Scale,
                    $"{path}: expected {expectedDecimal} (scale {expectedDecimal.Scale}), got {actual}.");
                break;
            case IDictionary expectedMap:
                var actualMap = Assert.IsAssignableFrom<IDictionary>(actual);
                Assert.True(expectedMap.Count == actualMap.Count, $"{path}: expected {expectedMap.Count} entries, got {actualMap.Count}.");
                foreach (DictionaryEntry entry in expectedMap)
                {
                    Assert.True(actualMap.Contains(entry.Key), $"{path}: key '{entry.Key}' missing.");
                    Equal(entry.Value, actualMap[entry.Key], $"{path}[{entry.Key}]");
                }

                break;
            case IList expectedList:
                var actualList = Assert.IsAssignableFrom<IList>(actual);
                Assert.True(expectedList.Count == actualList.Count, $"{path}: expected {expectedList.Count} items, got {actualList.Count}.");
                for (var i = 0; i < expectedList.Count; i++)
                {
                    Equal(expectedList[i], actualList[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(Equals(expected, actual), $"{path}: expected {expected}, got {actual ?? "null"}.");
                break;
        }
    }
}
