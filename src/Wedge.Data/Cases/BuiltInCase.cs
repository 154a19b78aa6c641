using System.Reflection;

namespace Wedge.Data.Cases;

/// <summary>The al-Qaeda–Taliban case (cases/aq-taliban.yaml), embedded so a new database can be loaded with it.</summary>
public static class BuiltInCase
{
    public const string FileName = "cases/aq-taliban.yaml";

    public static TextReader Open()
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Wedge.Cases.aq-taliban.yaml")
                     ?? throw new InvalidOperationException("The built-in case is missing from the build.");
        return new StreamReader(stream);
    }

    public static CaseDocument Read()
    {
        using var text = Open();
        var (doc, errors) = CaseReader.Read(FileName, text);
        return doc ?? throw new CaseRefusedException(errors);
    }
}
