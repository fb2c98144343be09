using System.Globalization;

namespace StreamFinance.Connectors.Tests.Fuzzing;

/// <summary>The figures of one fuzz target's run, as the README's fuzz table lists them.</summary>
internal sealed record FuzzReport(string Target, int Seed, int Inputs, long Records, long Failures, int InputsWithNeither, TimeSpan Elapsed, TimeSpan SlowestInput)
{
    /// <summary>One line: <c>fuzz csv: seed 20261207, 100000 inputs, ...</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fuzz {Target}: seed {Seed}, {Inputs} inputs, {Records} records, {Failures} stated failures, {InputsWithNeither} inputs with neither (nothing to read), {Elapsed.TotalSeconds:0.0} s, slowest input {SlowestInput.TotalMilliseconds:0} ms");
}
