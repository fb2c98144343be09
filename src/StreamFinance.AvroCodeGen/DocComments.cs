using System.CodeDom;

namespace StreamFinance.AvroCodeGen;

/// <summary>
/// Makes the schemas' <c>doc</c> texts valid XML documentation: Avro.CodeGen copies them into <c>///</c> comments as they
/// are, so a doc such as <c>'&lt;from&gt;-&lt;to&gt;'</c> or <c>R&amp;D</c> would be malformed XML, which the compiler
/// reports (CS1570) once documentation files are generated. The schemas themselves, and the schema text embedded in the
/// generated classes, keep the docs unchanged.
/// </summary>
internal static class DocComments
{
    /// <summary>Escapes the text of every documentation comment of <paramref name="unit"/>'s types and members, in place.</summary>
    public static void Escape(CodeCompileUnit unit)
    {
        foreach (CodeNamespace ns in unit.Namespaces)
        {
            foreach (CodeTypeDeclaration type in ns.Types)
            {
                Escape(type.Comments);
                foreach (CodeTypeMember member in type.Members)
                    Escape(member.Comments);
            }
        }
    }

    private static void Escape(CodeCommentStatementCollection comments)
    {
        foreach (CodeCommentStatement statement in comments)
        {
            var comment = statement.Comment;
            if (comment.DocComment && !IsTag(comment.Text))
                comment.Text = System.Security.SecurityElement.Escape(comment.Text);
        }
    }

    // The element lines CodeGen writes around each doc: <summary> and </summary>.
    private static bool IsTag(string text) => text.Trim() is "<summary>" or "</summary>";
}
