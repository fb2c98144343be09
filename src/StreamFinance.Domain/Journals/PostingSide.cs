namespace StreamFinance.Domain.Journals;

/// <summary>Side of a journal line.</summary>
public enum PostingSide
{
    /// <summary>Debit.</summary>
    Debit,

    /// <summary>Credit.</summary>
    Credit,
}
