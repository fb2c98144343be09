namespace StreamFinance.Connectors.Rest;

/// <summary>How a REST source is paged.</summary>
public enum RestPaging
{
    /// <summary>Each page names the next one (<c>next_cursor</c>, <c>page.next</c>); the cursor goes back as a query parameter.</summary>
    Cursor,

    /// <summary>Records changed since a watermark (the greatest <c>updated_at</c> seen) are asked for with a query parameter.</summary>
    Watermark,
}
