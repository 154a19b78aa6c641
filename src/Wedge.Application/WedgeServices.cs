using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wedge.Application.Records;
using Wedge.Application.Store;

namespace Wedge.Application;

/// <summary>Registers Wedge's use cases with a host's container.</summary>
public static class WedgeServices
{
    /// <summary>
    /// Adds every Wedge service, with the record read from the SQLite journal the options name. A host
    /// (or a test) may replace <see cref="IRecordStore"/> by registering its own after this call.
    /// </summary>
    public static IServiceCollection AddWedge(this IServiceCollection services, Action<WorkspaceOptions>? configure = null)
    {
        var options = new WorkspaceOptions();
        configure?.Invoke(options);
        return services.AddWedge(options);
    }

    /// <summary>As <see cref="AddWedge(IServiceCollection, Action{WorkspaceOptions}?)"/>, with options the host keeps and may change before a call (the CLI sets the database after parsing).</summary>
    public static IServiceCollection AddWedge(this IServiceCollection services, WorkspaceOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton<Notices.NoticeLog>();
        services.TryAddSingleton<Notices.INoticeSink>(p => p.GetRequiredService<Notices.NoticeLog>());
        services.TryAddSingleton<JournalRecordStore>();
        services.TryAddSingleton<IRecordStore>(p => p.GetRequiredService<JournalRecordStore>());
        services.AddSingleton<RecordQueries>();
        services.AddSingleton<Network.NetworkService>();
        services.AddSingleton<Network.NetworkWebService>();
        services.AddSingleton<Spells.SpellsService>();
        services.AddSingleton<Panels.PanelService>();
        services.AddSingleton<Durability.RecordDurabilityService>();
        services.AddSingleton<Journal.JournalService>();
        services.AddSingleton<Imports.ImportService>();
        services.AddSingleton<Assessment.AssessmentService>();
        services.AddSingleton<Negotiation.NegotiationService>();
        services.AddSingleton<Exchange.ExchangeService>();
        services.AddSingleton<Hypotheses.HypothesesService>();
        services.TryAddSingleton<Accounts.AccountPolicy>();
        services.AddSingleton<Accounts.AccountService>();
        return services;
    }
}
