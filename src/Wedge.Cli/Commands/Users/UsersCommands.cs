using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Accounts;
using Wedge.Application.Problems;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Users;

public class UserSettings : StoreSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The user's name.")]
    public string Name { get; set; } = "";
}

public class PasswordSettings : UserSettings
{
    [CommandOption("--password-stdin")]
    [Description("Read the password from the first line of standard input (for scripts); otherwise it is asked for, unseen.")]
    public bool PasswordStdin { get; set; }
}

public sealed class AddUserSettings : PasswordSettings
{
    [CommandOption("--role <ROLE>")]
    [Description("reader (read and run analyses), analyst (also write and import), reviewer (also retract and review), admin (also manage users).")]
    public string Role { get; set; } = "reader";
}

public sealed class RoleSettings : UserSettings
{
    [CommandArgument(1, "<ROLE>")]
    [Description("reader, analyst, reviewer or admin.")]
    public string Role { get; set; } = "";
}

public sealed class TokenSettings : UserSettings
{
    [CommandOption("--label <TEXT>")]
    [Description("What the token is for (shown in lists), e.g. nightly-import.")]
    public string Label { get; set; } = "token";
}

public sealed class RevokeSettings : StoreSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The token's id (the part after wedge_, before the second _).")]
    public string Id { get; set; } = "";
}

public sealed class AuditSettings : StoreSettings
{
    [CommandOption("--last <N>")]
    [Description("The newest N events (default 50).")]
    public int Last { get; set; } = 50;
}

/// <summary>Reads a new password: from standard input for scripts, else asked for twice without echo.</summary>
internal static class Passwords
{
    public static string Read(IAnsiConsole console, PasswordSettings settings)
    {
        if (settings.PasswordStdin || Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw Problem.Usage("no-password", "--password-stdin: standard input is empty").Exception();
        }

        var first = console.Prompt(new TextPrompt<string>($"Password for {Output.Esc(settings.Name)}:").Secret());
        var again = console.Prompt(new TextPrompt<string>("Again:").Secret());
        return first == again ? first : throw Problem.Usage("passwords-differ", "the two passwords differ; nothing was changed").Exception();
    }
}

/// <summary>`wedge users add NAME --role ROLE`: the first admin of a team server, or any user, from the server's machine.</summary>
public sealed class AddUserCommand(IAnsiConsole console, AccountService accounts) : Command<AddUserSettings>
{
    public override int Execute(CommandContext context, AddUserSettings settings, CancellationToken cancellationToken)
    {
        var user = accounts.AddUser(settings.Name, settings.Role, Passwords.Read(console, settings), Environment.UserName);
        if (settings.Json)
        {
            Output.Json(console, user);
        }
        else
        {
            console.MarkupLine($"Added {Output.Esc(user.Name)} as {user.Role}. A server on this database now asks everyone to sign in.");
        }

        return 0;
    }
}

/// <summary>`wedge users list`.</summary>
public sealed class ListUsersCommand(IAnsiConsole console, AccountService accounts) : Command<StoreSettings>
{
    public override int Execute(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        var users = accounts.Users();
        if (settings.Json)
        {
            Output.Json(console, users);
            return 0;
        }

        var table = new Table().AddColumns("name", "role", "state", "since");
        foreach (var u in users)
        {
            table.AddRow(Output.Esc(u.Name), u.Role, u.Disabled ? "disabled" : u.Locked ? "locked" : "active", u.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        return 0;
    }
}

/// <summary>`wedge users disable|enable NAME`.</summary>
public sealed class DisableUserCommand(IAnsiConsole console, AccountService accounts) : Command<UserSettings>
{
    public override int Execute(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        var user = accounts.Disable(settings.Name, Environment.UserName);
        console.MarkupLine($"Disabled {Output.Esc(user.Name)}: their sessions are ended and their tokens refused.");
        return 0;
    }
}

public sealed class EnableUserCommand(IAnsiConsole console, AccountService accounts) : Command<UserSettings>
{
    public override int Execute(CommandContext context, UserSettings settings, CancellationToken cancellationToken)
    {
        var user = accounts.Enable(settings.Name, Environment.UserName);
        console.MarkupLine($"Enabled {Output.Esc(user.Name)}.");
        return 0;
    }
}

/// <summary>`wedge users reset NAME`: a new password; the user's sessions end and a lock-out is lifted.</summary>
public sealed class ResetPasswordCommand(IAnsiConsole console, AccountService accounts) : Command<PasswordSettings>
{
    public override int Execute(CommandContext context, PasswordSettings settings, CancellationToken cancellationToken)
    {
        var user = accounts.ResetPassword(settings.Name, Passwords.Read(console, settings), Environment.UserName);
        console.MarkupLine($"Set a new password for {Output.Esc(user.Name)}; their sessions are ended.");
        return 0;
    }
}

/// <summary>`wedge users role NAME ROLE`.</summary>
public sealed class SetRoleCommand(IAnsiConsole console, AccountService accounts) : Command<RoleSettings>
{
    public override int Execute(CommandContext context, RoleSettings settings, CancellationToken cancellationToken)
    {
        var user = accounts.SetRole(settings.Name, settings.Role, Environment.UserName);
        console.MarkupLine($"{Output.Esc(user.Name)} is now {user.Role}.");
        return 0;
    }
}

/// <summary>`wedge users token NAME [--label L]`: prints a new API token once.</summary>
public sealed class CreateTokenCommand(IAnsiConsole console, AccountService accounts) : Command<TokenSettings>
{
    public override int Execute(CommandContext context, TokenSettings settings, CancellationToken cancellationToken)
    {
        var token = accounts.CreateToken(settings.Name, settings.Label, Environment.UserName);
        if (settings.Json)
        {
            Output.Json(console, token);
            return 0;
        }

        // Unwrapped, so it copies in one piece.
        console.Profile.Out.Writer.WriteLine(token.Token);
        console.Profile.Out.Writer.Flush();
        console.MarkupLine($"[grey]Token {token.Id} for {Output.Esc(token.User)}: shown this once; send it as 'Authorization: Bearer …'. Revoke it with wedge users revoke {token.Id}.[/]");
        return 0;
    }
}

/// <summary>`wedge users revoke ID`.</summary>
public sealed class RevokeTokenCommand(IAnsiConsole console, AccountService accounts) : Command<RevokeSettings>
{
    public override int Execute(CommandContext context, RevokeSettings settings, CancellationToken cancellationToken)
    {
        accounts.RevokeToken(settings.Id, Environment.UserName);
        console.MarkupLine($"Revoked token {Output.Esc(settings.Id)}.");
        return 0;
    }
}

/// <summary>`wedge users audit [--last N]`: sign-ins, refusals, token use and account changes, with UTC times.</summary>
public sealed class AuditCommand(IAnsiConsole console, AccountService accounts) : Command<AuditSettings>
{
    public override int Execute(CommandContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        var events = accounts.AuditLog(Math.Max(1, settings.Last));
        if (settings.Json)
        {
            Output.Json(console, events);
            return 0;
        }

        var table = new Table().AddColumns("at (UTC)", "event", "user", "detail");
        foreach (var e in events)
        {
            table.AddRow(e.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture), e.Kind, Output.Esc(e.User ?? ""), Output.Esc(e.Detail));
        }

        console.Write(table);
        return 0;
    }
}
