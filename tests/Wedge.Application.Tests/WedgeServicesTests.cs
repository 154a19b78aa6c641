using Microsoft.Extensions.DependencyInjection;
using Wedge.Application.Records;
using Wedge.Application.Store;
using Wedge.Core.Knowledge;

namespace Wedge.Application.Tests;

public sealed class WedgeServicesTests
{
    private sealed class EmptyRecord : IRecordStore
    {
        public KnowledgeBase Knowledge(DateTimeOffset? recordedBy = null) => KnowledgeBase.Empty;
    }

    [Fact]
    public void AddWedge_RecordStoreRegisteredAfter_Wins()
    {
        using var provider = new ServiceCollection().AddWedge().AddSingleton<IRecordStore, EmptyRecord>().BuildServiceProvider();
        Assert.Empty(provider.GetRequiredService<RecordQueries>().Actors(ReadSlice.Now, new ActorFilter()));
    }

    [Fact]
    public void AddWedge_OptionsInstance_SharedWithTheStore()
    {
        // The CLI sets the database after parsing: the store must see the change.
        var options = new WorkspaceOptions();
        using var provider = new ServiceCollection().AddWedge(options).BuildServiceProvider();
        options.Database = "/somewhere/else.db";
        Assert.Equal("/somewhere/else.db", provider.GetRequiredService<JournalRecordStore>().Path);
    }
}
