using System.Text.Json;
using Wedge.Core.Model;

namespace Wedge.Core.Tests.Model;

public class RoleTitleTests
{
    [Fact]
    public void Json_IsAPlainString_BothWays()
    {
        // The journal and case files hold titles as strings; the type must not change that.
        Assert.Equal("\"emir\"", JsonSerializer.Serialize(new RoleTitle("emir")));
        Assert.Equal(RoleTitle.Deputy, JsonSerializer.Deserialize<RoleTitle>("\"deputy\""));
    }

    [Theory]
    [InlineData("leader", true)]
    [InlineData("deputy", true)]
    [InlineData("founder", false)]
    [InlineData("spokesman", false)]
    [InlineData("Leader", false)]
    public void IsLeadership_LeaderAndDeputyOnly_Ordinal(string title, bool leadership)
    {
        // Titles compared exactly as they were as strings: "Leader" is not "leader".
        Assert.Equal(leadership, new RoleTitle(title).IsLeadership);
    }

    [Fact]
    public void Construction_Null_Throws()
        => Assert.Throws<ArgumentNullException>(() => new RoleTitle(null!));
}
