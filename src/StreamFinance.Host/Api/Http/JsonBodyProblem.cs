namespace StreamFinance.Host.Api.Http;

/// <summary>Why a JSON body gave no DTO: the problem's <c>detail</c> sentence and its <c>errors</c> per member.</summary>
/// <param name="Detail">One sentence saying what is wrong and what to send.</param>
/// <param name="Errors">The members at fault, or <see cref="JsonBodyParser.WholeBody"/> for the body as a whole.</param>
internal sealed record JsonBodyProblem(string Detail, FieldErrors Errors)
{
    /// <summary>A problem with the body as a whole: <paramref name="problem"/> under <c>$</c> in <c>errors</c>.</summary>
    public static JsonBodyProblem Whole(string problem, string detail)
    {
        var errors = new FieldErrors();
        errors.Add(JsonBodyParser.WholeBody, problem);
        return new JsonBodyProblem(detail, errors);
    }
}
