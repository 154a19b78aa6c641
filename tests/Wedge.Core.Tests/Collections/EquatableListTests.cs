using System.Text.Json;
using Wedge.Core.Collections;

namespace Wedge.Core.Tests.Collections;

public sealed class EquatableListTests
{
    private sealed record Holder(string Name, EquatableList<int> Items);

    [Fact]
    public void Equals_SameItemsSameOrder_EqualAndSameHash()
    {
        var a = new Holder("x", new[] { 1, 2, 3 }.ToEquatableList());
        var b = new Holder("x", new List<int> { 1, 2, 3 }.ToEquatableList());
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void CollectionExpression_BuildsAnEqualList()
    {
        EquatableList<int> empty = [];
        EquatableList<int> spread = [.. new[] { 1, 2 }, 3];
        Assert.Same(EquatableList<int>.Empty, empty);
        Assert.Equal(new[] { 1, 2, 3 }.ToEquatableList(), spread);
    }

    [Fact]
    public void Equals_OtherOrder_NotEqual()
        => Assert.NotEqual(new[] { 1, 2 }.ToEquatableList(), new[] { 2, 1 }.ToEquatableList());

    [Fact]
    public void Json_RoundTripsAsPlainArray()
    {
        var list = new[] { "a", "b" }.ToEquatableList();
        var json = JsonSerializer.Serialize(list);
        Assert.Equal("[\"a\",\"b\"]", json);
        Assert.Equal(list, JsonSerializer.Deserialize<EquatableList<string>>(json));
    }
}

public sealed class EquatableMapTests
{
    [Fact]
    public void Equals_SameEntriesOtherOrder_EqualAndSameHash()
    {
        var a = new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" }.ToEquatableMap();
        var b = new Dictionary<string, string> { ["y"] = "2", ["x"] = "1" }.ToEquatableMap();
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new Dictionary<string, string> { ["x"] = "1", ["y"] = "3" }.ToEquatableMap());
    }

    [Fact]
    public void Json_RoundTripsAsPlainObject()
    {
        var map = new Dictionary<string, string> { ["mmp"] = "21" }.ToEquatableMap();
        var json = JsonSerializer.Serialize(map);
        Assert.Equal("{\"mmp\":\"21\"}", json);
        Assert.Equal(map, JsonSerializer.Deserialize<EquatableMap<string, string>>(json));
    }
}
