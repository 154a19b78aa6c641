using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wedge.Application.Accounts;

namespace Wedge.Browser.Tests;

/// <summary>
/// A server with accounts, in the browser: a stranger is sent to the sign-in form and back to the page they asked for,
/// the header then names them with their role, a wrong password is pointed at in place, and signing out ends it.
/// Its own host: accounts turn sign-in on for the whole server.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly BrowserHost host = new();

    public async Task InitializeAsync()
    {
        await host.InitializeAsync();
        host.Services.GetRequiredService<AccountService>().AddUser("ana", "analyst", "ana's long passphrase");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [BrowserFact]
    public async Task Stranger_SignsIn_ComesBackToThePage_AndSignsOut()
    {
        await using var tab = await host.Open(nameof(Stranger_SignsIn_ComesBackToThePage_AndSignsOut));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/actors?kind=faction");
            await page.WaitForURLAsync("**/login?return=*");
            await page.FillAsync("#name", "ana");
            await page.FillAsync("#password", "not it");
            await page.ClickAsync("form.signin button[type=submit]");
            await Assertions.Expect(page.Locator("#signin-problem")).ToHaveTextAsync("the name or password is wrong");
            await Assertions.Expect(page.Locator("#name")).ToHaveAttributeAsync("aria-invalid", "true");

            await page.FillAsync("#password", "ana's long passphrase");
            await page.ClickAsync("form.signin button[type=submit]");
            // The URL is polled rather than awaited as a navigation: the redirect can finish before a navigation wait begins.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/actors\\?kind=faction$"));
            await Assertions.Expect(page.Locator("header form.who")).ToContainTextAsync("ana (analyst)");
            await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Actors");
            if (Screenshots.Always)
            {
                await Screenshots.Save(page, "SignIn-signed-in");
            }

            await page.ClickAsync("header form.who button");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));
            var back = await page.GotoAsync("/actors");
            Assert.EndsWith("/login?return=%2Factors", back!.Url, StringComparison.Ordinal);
        });
        Assert.All(tab.Errors, e => Assert.Contains("status of 401", e)); // the wrong password's answer
    }
}
