using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wedge.Application;
using Wedge.Application.Accounts;

namespace Wedge.Web.Tests;

/// <summary>
/// Sessions and sign-in on a server with accounts: the cookie a sign-in sets, idle and absolute expiry, sign-out, a
/// disabled user's sessions and tokens, lock-out after repeated failures, the journal's author, the pages' sign-in
/// form, cross-site writes, and the audit log (with a name crafted to forge a log line).
/// </summary>
public sealed class SessionsTests : IDisposable
{
    private const string AnaPassword = "ana's long passphrase";
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly WebHost host = new();
    private readonly ManualClock clock = new(T0);
    private readonly AccountService accounts;

    public SessionsTests()
    {
        host.Services.GetRequiredService<WorkspaceOptions>().Clock = clock;
        accounts = host.Services.GetRequiredService<AccountService>();
        accounts.AddUser("ana", "analyst", AnaPassword);
        accounts.AddUser("root", "admin", "the admin's passphrase");
    }

    public void Dispose() => host.Dispose();

    /// <summary>Signs in and returns the session cookie ("wedge_session=…").</summary>
    private async Task<string> SignIn(string name = "ana", string password = AnaPassword)
    {
        using var response = await host.Client.PostAsJsonAsync("/api/session", new { name, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        return cookie.Split(';')[0];
    }

    private async Task<HttpResponseMessage> Get(string path, string? cookie = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await host.Client.SendAsync(request);
    }

    private static async Task<string> Code(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;

    [Fact]
    public async Task Session_LastsWhileUsed_EndsWhenIdle()
    {
        var cookie = await SignIn();
        Assert.Equal(HttpStatusCode.OK, (await Get("/api/session", cookie)).StatusCode);
        clock.Now = T0.AddMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await Get("/api/actors", cookie)).StatusCode);
        clock.Now = T0.AddMinutes(29 + 31);
        var idle = await Get("/api/actors", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, idle.StatusCode);
        Assert.Equal("sign-in-required", await Code(idle));
        Assert.Contains(accounts.AuditLog(), e => e.Kind == "session-expired" && e.Detail == "idle timeout");
    }

    [Fact]
    public async Task Session_EndsAtItsAbsoluteLifetime_HoweverBusy()
    {
        var cookie = await SignIn();
        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            clock.Now = T0.AddMinutes(minutes);
            Assert.Equal(HttpStatusCode.OK, (await Get("/api/session", cookie)).StatusCode);
        }

        clock.Now = T0.AddHours(12).AddMinutes(1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/api/session", cookie)).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer()
    {
        var cookie = await SignIn();
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/session");
        signOut.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Client.SendAsync(signOut)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/api/session", cookie)).StatusCode); // the old cookie is worthless
    }

    [Fact]
    public async Task DisablingAUser_EndsTheirSessions_AndRefusesTheirTokens()
    {
        var cookie = await SignIn();
        var token = accounts.CreateToken("ana", "script").Token;
        Assert.Equal(HttpStatusCode.OK, (await Get("/api/actors", token: token)).StatusCode);

        var admin = await SignIn("root", "the admin's passphrase");
        using var disable = new HttpRequestMessage(HttpMethod.Post, "/api/users/ana/disable");
        disable.Headers.Add("Cookie", admin);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(disable)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/api/actors", cookie)).StatusCode);
        var refused = await Get("/api/actors", token: token);
        Assert.Equal("token-refused", await Code(refused));
        using var again = await host.Client.PostAsJsonAsync("/api/session", new { name = "ana", password = AnaPassword });
        Assert.Equal("account-disabled", await Code(again));
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccount_ThenItOpensAgain()
    {
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await host.Client.PostAsJsonAsync("/api/session", new { name = "ana", password = "not it at all" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("sign-in-failed", await Code(wrong));
        }

        using var locked = await host.Client.PostAsJsonAsync("/api/session", new { name = "ana", password = AnaPassword });
        Assert.Equal("account-locked", await Code(locked));
        clock.Now = T0.AddMinutes(16);
        await SignIn();

        // An unknown name fails exactly as a wrong password does.
        using var unknown = await host.Client.PostAsJsonAsync("/api/session", new { name = "nobody", password = AnaPassword });
        Assert.Equal("sign-in-failed", await Code(unknown));
        Assert.Contains(accounts.AuditLog(), e => e.Kind == "account-locked" && e.User == "ana");
    }

    [Fact]
    public async Task Writes_AreRecordedAsTheSignedInUser_AndAnotherNameIsRefusedWithNothingWritten()
    {
        var cookie = await SignIn();
        var version = (await Get("/api/journal?last=1", cookie)).Headers.ETag!.Tag;
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/journal/add")
        {
            Content = JsonContent.Create(new { type = "source", fields = new { id = "s-forged", title = "T" }, author = "mallory" }),
        };
        forged.Headers.Add("Cookie", cookie);
        forged.Headers.Add("If-Match", version);
        var refused = await host.Client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("author-not-yours", await Code(refused));
        Assert.Equal(version, (await Get("/api/journal?last=1", cookie)).Headers.ETag!.Tag);

        using var add = new HttpRequestMessage(HttpMethod.Post, "/api/journal/add")
        {
            Content = JsonContent.Create(new { type = "source", fields = new { id = "s-ana", title = "T" } }),
        };
        add.Headers.Add("Cookie", cookie);
        add.Headers.Add("If-Match", version);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(add)).StatusCode);
        var last = JsonDocument.Parse(await (await Get("/api/journal?last=1", cookie)).Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal("ana", last.GetProperty("author").GetString());
    }

    [Fact]
    public async Task Pages_SendAStrangerToSignIn_AndTheFormSignsIn_OnlyBackToThisSite()
    {
        using var client = host.ClientWithoutRedirects();
        using var page = await client.GetAsync("/actors?kind=faction");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?return=%2Factors%3Fkind%3Dfaction", page.Headers.Location!.ToString());

        using var wrong = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "ana", ["password"] = "nope", ["return"] = "/actors" }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("the name or password is wrong", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var away = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "ana", ["password"] = AnaPassword, ["return"] = "//evil.example/x" }));
        Assert.Equal("/explore", away.Headers.Location!.ToString()); // never off this site
        var cookie = away.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/actors");
        signedIn.Headers.Add("Cookie", cookie);
        var html = await (await client.SendAsync(signedIn)).Content.ReadAsStringAsync();
        Assert.Contains("ana (analyst)", html, StringComparison.Ordinal);
        Assert.Contains("Sign out", html, StringComparison.Ordinal);

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/record/claim") { Content = new FormUrlEncodedContent(new Dictionary<string, string>()) };
        crossSite.Headers.Add("Cookie", cookie);
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        var refused = await client.SendAsync(crossSite);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("cross-site-request", await Code(refused));
    }

    [Fact]
    public async Task AuditLog_RecordsSignInsRefusalsAndTokenUse_WithCraftedNamesEscaped()
    {
        using (await host.Client.PostAsJsonAsync("/api/session", new { name = "eve\nsign-in ana from 10.0.0.1", password = "x" }))
        {
        }

        var cookie = await SignIn();
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/api/users", cookie)).StatusCode);
        var token = accounts.CreateToken("ana", "script").Token;
        await Get("/api/actors", token: token);

        var admin = await SignIn("root", "the admin's passphrase");
        var log = JsonDocument.Parse(await (await Get("/api/audit", admin)).Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(e => (Kind: e.GetProperty("kind").GetString(), Detail: e.GetProperty("detail").GetString()!, At: e.GetProperty("at").GetDateTimeOffset())).ToList();
        Assert.Contains(log, e => e.Kind == "sign-in-failed" && e.Detail.Contains("eve\\u000asign-in ana", StringComparison.Ordinal));
        Assert.DoesNotContain(log, e => e.Detail.Contains('\n', StringComparison.Ordinal));
        Assert.Contains(log, e => e.Kind == "sign-in");
        Assert.Contains(log, e => e.Kind == "authorisation-refused" && e.Detail.Contains("GET /api/users", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Kind == "token-used");
        Assert.All(log, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
    }
}
