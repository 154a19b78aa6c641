using System.Globalization;
using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Core.Negotiation;
using Wedge.Data.Scenarios;

namespace Wedge.Application.Negotiation;

/// <summary>
/// What a user typed for one actor in a scenario's table: capability, then a position and a salience per dimension in
/// scenario order, each as typed (null or blank: not given).
/// </summary>
public sealed record ActorEdit(string? Capability, EquatableList<string?> Positions, EquatableList<string?> Saliences);

/// <summary>Which value of an actor an error is about.</summary>
public enum EditedValue
{
    /// <summary>The actor as a whole (a rule across its values, such as saliences summing to at most 100).</summary>
    Actor,
    Capability,
    Position,
    Salience,
}

/// <summary>Why one typed value (or one actor's values together) cannot stand, in the words the scenario reader uses.</summary>
/// <param name="Dimension">For a position or salience: the dimension's index; otherwise null.</param>
public sealed record EditError(int Actor, EditedValue Value, int? Dimension, string Message);

/// <summary>The edited scenario, or null with every error found (nothing is run while there are errors).</summary>
public sealed record EditedScenario(Scenario? Scenario, EquatableList<EditError> Errors);

/// <summary>
/// A scenario edited in a table (the negotiation page) and carried between requests as the scenario format's text.
/// The rules are the model's own: each typed value is tried alone in the scenario as it was, then each actor's values
/// together, so an error points at the value that breaks a rule and says what the command line says for the same file.
/// </summary>
public static class ScenarioEdits
{
    /// <summary>Names of the scenarios shipped with Wedge.</summary>
    public static IReadOnlyList<string> BuiltInNames => BuiltInScenarios.Names;

    /// <summary>A built-in scenario by name only (never a path: a page must not read the server's files).</summary>
    public static Scenario BuiltIn(string name) => BuiltInScenarios.Find(name)
        ?? throw Problem.NotFound("scenario-not-found", $"no built-in scenario '{name}' (built-in: {string.Join(", ", BuiltInScenarios.Names)})").Exception();

    /// <summary>The scenario format's text of <paramref name="scenario"/> (reads back to an equal scenario).</summary>
    public static string Write(Scenario scenario) => ScenarioYaml.Write(scenario);

    /// <summary>Reads scenario text carried by a form; refuses it as the command line refuses such a file.</summary>
    public static Scenario Read(string text, string shownName)
    {
        try
        {
            return ScenarioYaml.Read(text, shownName);
        }
        catch (ScenarioFormatException e)
        {
            throw Problem.Refused("scenario-invalid", e.Message).Exception();
        }
        catch (ArgumentException e)
        {
            throw Problem.Refused("scenario-invalid", $"{shownName}: {e.Message}").Exception();
        }
    }

    /// <summary>
    /// Applies the typed values (one <see cref="ActorEdit"/> per actor, in order). A value equal to the point estimate
    /// keeps its estimate (and any range Monte Carlo draws from); a changed value becomes exact.
    /// </summary>
    public static EditedScenario Apply(Scenario scenario, IReadOnlyList<ActorEdit> edits)
    {
        if (edits.Count != scenario.Actors.Count)
        {
            throw Problem.Usage("bad-edit", $"the table has {edits.Count} actor rows; the scenario has {scenario.Actors.Count} actors").Exception();
        }

        var errors = new List<EditError>();
        var edited = new NegotiationActor[scenario.Actors.Count];
        for (var i = 0; i < scenario.Actors.Count; i++)
        {
            var actor = scenario.Actors[i];
            var edit = edits[i];
            var dims = scenario.Dimensions.Count;
            if (edit.Positions.Count != dims || edit.Saliences.Count != dims)
            {
                throw Problem.Usage("bad-edit", $"actor row {i + 1} needs {dims} positions and {dims} saliences").Exception();
            }

            var capability = Value(i, EditedValue.Capability, null, edit.Capability, actor.Capability, errors, a => actor with { Capability = a });
            var positions = new Estimate[dims];
            var saliences = new Estimate[dims];
            for (var d = 0; d < dims; d++)
            {
                var dim = d;
                positions[d] = Value(i, EditedValue.Position, d, edit.Positions[d], actor.Positions[d], errors,
                    e => actor with { Positions = Replace(actor.Positions, dim, e) });
                saliences[d] = Value(i, EditedValue.Salience, d, edit.Saliences[d], actor.Saliences[d], errors,
                    e => actor with { Saliences = Replace(actor.Saliences, dim, e) });
            }

            edited[i] = actor with { Capability = capability, Positions = positions, Saliences = saliences };
            if (errors.All(e => e.Actor != i) && Refusal(scenario, i, edited[i]) is { } rowError)
            {
                errors.Add(new EditError(i, EditedValue.Actor, null, rowError));
            }

            Estimate Value(int row, EditedValue which, int? dimension, string? typed, Estimate was, List<EditError> found, Func<Estimate, NegotiationActor> alone)
            {
                if (string.IsNullOrWhiteSpace(typed))
                {
                    found.Add(new EditError(row, which, dimension, $"{Name(which)} of '{actor.Id}' is missing: give a number"));
                    return was;
                }

                if (!double.TryParse(typed.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    found.Add(new EditError(row, which, dimension, $"{Name(which)} of '{actor.Id}': '{typed.Trim()}' is not a number"));
                    return was;
                }

                var estimate = number == was.Value ? was : Estimate.Exactly(number);
                if (Refusal(scenario, row, alone(estimate)) is { } message)
                {
                    found.Add(new EditError(row, which, dimension, message));
                }

                return estimate;
            }
        }

        if (errors.Count > 0)
        {
            return new EditedScenario(null, errors.ToEquatableList());
        }

        try
        {
            return new EditedScenario(new Scenario(scenario.Name, scenario.Description, scenario.Dimensions, edited, scenario.Movements), []);
        }
        catch (ArgumentException e)
        {
            return new EditedScenario(null, new EquatableList<EditError>([new EditError(0, EditedValue.Actor, null, e.Message)]));
        }
    }

    /// <summary>The model's objection to the scenario with actor <paramref name="index"/> replaced, or null.</summary>
    private static string? Refusal(Scenario scenario, int index, NegotiationActor replacement)
    {
        try
        {
            scenario.WithActor(index, replacement);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private static Estimate[] Replace(IReadOnlyList<Estimate> values, int index, Estimate value)
    {
        var copy = values.ToArray();
        copy[index] = value;
        return copy;
    }

    private static string Name(EditedValue value) => value switch
    {
        EditedValue.Capability => "capability",
        EditedValue.Position => "position",
        EditedValue.Salience => "salience",
        _ => "a value",
    };
}
