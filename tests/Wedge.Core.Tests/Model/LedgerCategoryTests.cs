using Wedge.Core.Model;

namespace Wedge.Core.Tests.Model;

public class LedgerCategoryTests
{
    [Fact]
    public void Side_EveryCategoryIsPlaced()
    {
        // A category added to the enum without a side would throw here rather than silently count as a cost.
        foreach (var category in Enum.GetValues<LedgerCategory>())
        {
            Assert.True(Enum.IsDefined(category.Side()), $"{category} has no side");
        }
    }

    [Theory]
    [InlineData(LedgerCategory.Expertise, LedgerSide.Benefit)]
    [InlineData(LedgerCategory.OtherBenefit, LedgerSide.Benefit)]
    [InlineData(LedgerCategory.Isolation, LedgerSide.Cost)]
    [InlineData(LedgerCategory.LostPatron, LedgerSide.Cost)]
    [InlineData(LedgerCategory.OtherCost, LedgerSide.Cost)]
    public void Side_AsDocumented(LedgerCategory category, LedgerSide side)
    {
        Assert.Equal(side, category.Side());
        Assert.Equal(side == LedgerSide.Cost, category.IsCost());
    }

    [Fact]
    public void Side_UnknownValue_Throws()
    {
        // A value outside the enum is a caller bug, not a benefit or a cost.
        Assert.Throws<ArgumentOutOfRangeException>(() => ((LedgerCategory)99).Side());
    }
}
