namespace StreamFinance.Host.Configuration;

/// <summary>How log lines are written to the console.</summary>
public enum LogFormat
{
    /// <summary>One readable line per entry, with time, level, category, scopes and message.</summary>
    Simple,

    /// <summary>One JSON object per line, with every structured property and scope, for log collectors.</summary>
    Json,
}
