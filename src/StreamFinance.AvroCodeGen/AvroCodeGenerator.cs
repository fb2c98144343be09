using System.CodeDom;
using Avro;

namespace StreamFinance.AvroCodeGen;

/// <summary>
/// Turns a directory of <c>.avsc</c> files into C# <c>ISpecificRecord</c> classes, one file per type,
/// after linting them. Used by the Contracts build and callable in-process by tests.
/// </summary>
public static class AvroCodeGenerator
{
    /// <summary>
    /// Command-line entry: <c>&lt;avroDir&gt; &lt;outDir&gt;</c>. Returns 0 on success and 1 on any problem,
    /// after printing every problem to <paramref name="error"/> in MSBuild's canonical error format.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count != 2)
        {
            error.WriteLine($"StreamFinance.AvroCodeGen: error {DiagnosticCodes.Usage}: expected 2 arguments <avroDir> <outDir>, got {args.Count}.");
            return 1;
        }

        try
        {
            var count = Generate(args[0], args[1]);
            output.WriteLine($"StreamFinance.AvroCodeGen: generated {count} type(s) from {Path.GetFullPath(args[0])} into {Path.GetFullPath(args[1])}");
            return 0;
        }
        catch (SchemaGenerationException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }

            return 1;
        }
    }

    /// <summary>Lints, parses and generates; returns the number of C# types written.</summary>
    /// <exception cref="SchemaGenerationException">Any schema problem; all problems found are listed.</exception>
    public static int Generate(string avroDir, string outDir)
    {
        avroDir = Path.GetFullPath(avroDir);
        outDir = Path.GetFullPath(outDir);
        var paths = Directory.Exists(avroDir)
            ? Directory.GetFiles(avroDir, "*.avsc").Order(StringComparer.Ordinal).ToList()
            : [];
        if (paths.Count == 0)
        {
            throw new SchemaGenerationException(
                [new SchemaDiagnostic(avroDir, 0, 0, DiagnosticCodes.Usage, "no .avsc files found; pass the directory that holds the schemas.")]);
        }

        var namespaces = NamespaceMap.StreamFinance;
        var files = LoadAll(paths);
        var linter = new SchemaLinter(namespaces);
        var problems = files.SelectMany(linter.Lint).ToList();
        if (problems.Count > 0)
        {
            throw new SchemaGenerationException(problems);
        }

        var rewriter = new NamespaceRewriter(namespaces);
        var sources = files
            .Select(f => new SchemaSource(f.Path, rewriter.Rewrite(f.Root).ToString(Newtonsoft.Json.Formatting.None)))
            .ToList();
        var schemas = new SchemaSetParser(namespaces).Parse(sources);

        var codeGen = new CodeGen();
        foreach (var schema in schemas)
        {
            codeGen.AddSchema(schema);
        }

        var compileUnit = codeGen.GenerateCode();
        DocComments.Escape(compileUnit);
        GeneratedDirectory.Reset(outDir);
        codeGen.WriteTypes(outDir);

        // CodeGen emits a shared type once per schema that uses it (WriteTypes overwrites the same file), so count distinct names.
        return compileUnit.Namespaces.Cast<CodeNamespace>()
            .SelectMany(ns => ns.Types.Cast<CodeTypeDeclaration>().Select(t => $"{ns.Name}.{t.Name}"))
            .Distinct(StringComparer.Ordinal)
            .Count();
    }

    private static List<SchemaFile> LoadAll(IEnumerable<string> paths)
    {
        var files = new List<SchemaFile>();
        var problems = new List<SchemaDiagnostic>();
        foreach (var path in paths)
        {
            try
            {
                files.Add(SchemaFile.Load(path));
            }
            catch (SchemaGenerationException e)
            {
                problems.AddRange(e.Diagnostics);
            }
        }

        return problems.Count > 0 ? throw new SchemaGenerationException(problems) : files;
    }
}
