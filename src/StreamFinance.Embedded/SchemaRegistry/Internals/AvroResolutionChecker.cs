using Avro;
using AvroSchema = Avro.Schema;

namespace StreamFinance.Embedded.SchemaRegistry.Internals;

/// <summary>
/// Walks a reader and a writer schema together, applying Avro's schema-resolution rules, and collects
/// every incompatibility with the reader-side path where it occurs. One instance per check.
/// </summary>
internal sealed class AvroResolutionChecker
{
    private readonly List<AvroIncompatibility> problems = [];
    private readonly HashSet<(string Reader, string Writer)> recordsSeen = [];

    public IReadOnlyList<AvroIncompatibility> Problems => problems;

    public void Check(AvroSchema reader, AvroSchema writer, string path)
    {
        if (writer is UnionSchema writerUnion)
        {
            CheckWriterUnion(reader, writerUnion, path);
            return;
        }

        if (reader is UnionSchema readerUnion)
        {
            var branch = AvroTypeMatch.FirstMatchingBranch(readerUnion, writer);
            if (branch is null)
            {
                Report(path, $"writer type '{AvroSchemaDescriber.Describe(writer)}' matches no branch of the reader union {AvroSchemaDescriber.Describe(readerUnion)}");
                return;
            }

            Check(branch, writer, path);
            return;
        }

        CheckSingle(reader, writer, path);
    }

    private void CheckWriterUnion(AvroSchema reader, UnionSchema writerUnion, string path)
    {
        foreach (var writerBranch in writerUnion.Schemas)
        {
            if (reader is UnionSchema readerUnion)
            {
                var branch = AvroTypeMatch.FirstMatchingBranch(readerUnion, writerBranch);
                if (branch is null)
                {
                    Report(path, $"writer union branch '{AvroSchemaDescriber.Describe(writerBranch)}' matches no branch of the reader union {AvroSchemaDescriber.Describe(readerUnion)}");
                    continue;
                }

                CheckSingle(branch, writerBranch, path);
            }
            else if (!AvroTypeMatch.Matches(reader, writerBranch))
            {
                Report(path, $"writer union branch '{AvroSchemaDescriber.Describe(writerBranch)}' cannot be read as reader type '{AvroSchemaDescriber.Describe(reader)}'");
            }
            else
            {
                CheckSingle(reader, writerBranch, path);
            }
        }
    }

    private void CheckSingle(AvroSchema reader, AvroSchema writer, string path)
    {
        if (reader is LogicalSchema || writer is LogicalSchema)
        {
            CheckLogical(reader, writer, path);
            return;
        }

        if (!AvroTypeMatch.Matches(reader, writer))
        {
            Report(path, $"writer type '{AvroSchemaDescriber.Describe(writer)}' cannot be read as reader type '{AvroSchemaDescriber.Describe(reader)}'");
            return;
        }

        switch (reader)
        {
            case RecordSchema readerRecord:
                CheckRecord(readerRecord, (RecordSchema)writer, path);
                break;
            case EnumSchema readerEnum:
                CheckEnum(readerEnum, (EnumSchema)writer, path);
                break;
            case FixedSchema readerFixed when readerFixed.Size != ((FixedSchema)writer).Size:
                Report(path, $"fixed '{readerFixed.Fullname}' has size {readerFixed.Size} in the reader but {((FixedSchema)writer).Size} in the writer");
                break;
            case ArraySchema readerArray:
                Check(readerArray.ItemSchema, ((ArraySchema)writer).ItemSchema, path + "[]");
                break;
            case MapSchema readerMap:
                Check(readerMap.ValueSchema, ((MapSchema)writer).ValueSchema, path + "{}");
                break;
        }
    }

    private void CheckLogical(AvroSchema reader, AvroSchema writer, string path)
    {
        var readerDecimal = reader is LogicalSchema rl && AvroDecimal.IsDecimal(rl) ? rl : null;
        var writerDecimal = writer is LogicalSchema wl && AvroDecimal.IsDecimal(wl) ? wl : null;
        if (readerDecimal is not null || writerDecimal is not null)
        {
            if (readerDecimal is null || writerDecimal is null)
            {
                Report(path, $"writer type '{AvroSchemaDescriber.Describe(writer)}' cannot be read as reader type '{AvroSchemaDescriber.Describe(reader)}': decimal on one side only");
                return;
            }

            if (AvroDecimal.Precision(readerDecimal) != AvroDecimal.Precision(writerDecimal)
                || AvroDecimal.Scale(readerDecimal) != AvroDecimal.Scale(writerDecimal))
            {
                Report(path, $"decimal precision/scale differ: reader {AvroSchemaDescriber.Describe(readerDecimal)}, writer {AvroSchemaDescriber.Describe(writerDecimal)}");
                return;
            }
        }

        Check(AvroTypeMatch.Underlying(reader), AvroTypeMatch.Underlying(writer), path);
    }

    private void CheckRecord(RecordSchema reader, RecordSchema writer, string path)
    {
        if (!recordsSeen.Add((reader.Fullname, writer.Fullname)))
        {
            return; // Recursive type: this pair is already being (or has been) checked.
        }

        foreach (var readerField in reader.Fields)
        {
            var fieldPath = path + "." + readerField.Name;
            var writerField = FindWriterField(readerField, writer);
            if (writerField is not null)
            {
                Check(readerField.Schema, writerField.Schema, fieldPath);
            }
            else if (readerField.DefaultValue is null)
            {
                Report(fieldPath, $"reader field '{readerField.Name}' ({AvroSchemaDescriber.Describe(readerField.Schema)}) is missing from the writer record '{writer.Fullname}' and has no default; add a default or keep the field in the writer");
            }
        }
    }

    private static Field? FindWriterField(Field readerField, RecordSchema writer)
    {
        if (writer.TryGetField(readerField.Name, out var byName))
        {
            return byName;
        }

        foreach (var alias in readerField.Aliases ?? [])
        {
            if (writer.TryGetField(alias, out var byAlias))
            {
                return byAlias;
            }
        }

        return null;
    }

    private void CheckEnum(EnumSchema reader, EnumSchema writer, string path)
    {
        var missing = writer.Symbols.Where(symbol => !reader.Contains(symbol)).ToArray();
        if (missing.Length > 0 && reader.Default is null)
        {
            Report(path, $"writer enum '{writer.Fullname}' has symbol(s) {string.Join(", ", missing.Select(s => $"'{s}'"))} that the reader enum lacks, and the reader enum has no default");
        }
    }

    private void Report(string path, string message) => problems.Add(new AvroIncompatibility(path, message));
}
