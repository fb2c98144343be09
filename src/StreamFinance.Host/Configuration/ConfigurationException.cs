namespace StreamFinance.Host.Configuration;

/// <summary>
/// A setting is missing or wrong. The message names the setting and says how to fix it; the command exits with code 2.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>One problem.</summary>
    public ConfigurationException(string message, Exception? inner = null)
        : base(message, inner) => Problems = [message];

    /// <summary>Several problems found at once (at least one), each a sentence of its own; the message joins them.</summary>
    public ConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems))
    {
        if (problems.Count == 0)
            throw new ArgumentException("A configuration error needs at least one problem.", nameof(problems));
        Problems = problems;
    }

    /// <summary>Each problem on its own, in the order found; the command line prints one line per problem.</summary>
    public IReadOnlyList<string> Problems { get; }
}
