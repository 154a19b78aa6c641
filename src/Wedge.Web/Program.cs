using Wedge.Web;

// `dotnet run --project src/Wedge.Web` (and the tests' WebApplicationFactory) start here; `wedge serve` builds the same app.
WedgeWeb.Build(args).Run();
