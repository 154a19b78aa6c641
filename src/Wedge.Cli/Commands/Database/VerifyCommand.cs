using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Database;

/// <summary>
/// `wedge verify`: recomputes the journal's hash chain. Exit 0 when every entry matches; 1 with the first broken link
/// when an entry was altered, inserted or removed behind Wedge's back.
/// </summary>
public sealed class VerifyCommand(IAnsiConsole console, JournalRecordStore store) : Command<StoreSettings>
{
    /// <summary>The exit code of a journal whose chain is broken: a finding about the data, not a failure to run.</summary>
    public const int Broken = 1;

    public override int Execute(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        var check = store.Verify(cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, new { database = store.DisplayName, check.Intact, check.Entries, check.BrokenAt, check.Problem, check.HeadVersion, check.HeadHash });
        }
        else if (check.Intact)
        {
            console.MarkupLine($"The journal of {Output.Esc(store.DisplayName)} is intact: {check.Entries} entries, each matching its hash.");
            console.MarkupLine($"Last entry {check.HeadVersion}: {check.HeadHash}");
            console.MarkupLine("[grey]Note that hash elsewhere: if the newest entries are ever removed, the chain still verifies, but that entry's hash will differ or be missing.[/]");
        }
        else
        {
            console.MarkupLine($"[red]The journal of {Output.Esc(store.DisplayName)} is broken[/] at entry {check.BrokenAt}: {Output.Esc(check.Problem!)}");
            console.MarkupLine($"Entries 1–{check.HeadVersion} verify (the last intact hash: {check.HeadHash}).");
        }

        return check.Intact ? 0 : Broken;
    }
}
