using Plusflat.Domain.Monitoring;

namespace Plusflat.Domain.Tests.Monitoring;

public class QuarterTests
{
    [Theory]
    [InlineData("2027-01-01", 2027, 1)]
    [InlineData("2027-03-31", 2027, 1)]
    [InlineData("2027-04-01", 2027, 2)]
    [InlineData("2027-06-30", 2027, 2)]
    [InlineData("2027-07-01", 2027, 3)]
    [InlineData("2027-09-30", 2027, 3)]
    [InlineData("2027-10-01", 2027, 4)]
    [InlineData("2027-12-31", 2027, 4)]
    public void Of_EveryMonthBoundary_FallsInItsQuarter(string date, int year, int number) =>
        Assert.Equal(new Quarter(year, number), Quarter.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(1, "2027-01-01", "2027-03-31")]
    [InlineData(2, "2027-04-01", "2027-06-30")]
    [InlineData(3, "2027-07-01", "2027-09-30")]
    [InlineData(4, "2027-10-01", "2027-12-31")]
    public void StartAndEnd_AreTheFirstAndLastDay(int number, string start, string end)
    {
        var quarter = new Quarter(2027, number);

        Assert.Equal(start, quarter.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, quarter.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NextAndPrevious_CrossTheYear()
    {
        Assert.Equal(new Quarter(2028, 1), new Quarter(2027, 4).Next());
        Assert.Equal(new Quarter(2026, 4), new Quarter(2027, 1).Previous());
        Assert.Equal(new Quarter(2027, 3), new Quarter(2027, 2).Next());
        Assert.Equal(new Quarter(2029, 2), new Quarter(2027, 1).Plus(9));
        Assert.Equal(new Quarter(2025, 3), new Quarter(2027, 1).Plus(-6));
    }

    [Fact]
    public void QuartersSince_CountsAcrossYears()
    {
        Assert.Equal(5, new Quarter(2028, 2).QuartersSince(new Quarter(2027, 1)));
        Assert.Equal(-5, new Quarter(2027, 1).QuartersSince(new Quarter(2028, 2)));
        Assert.Equal(0, new Quarter(2027, 1).QuartersSince(new Quarter(2027, 1)));
    }

    [Fact]
    public void Ordering_FollowsTime()
    {
        Assert.True(new Quarter(2026, 4) < new Quarter(2027, 1));
        Assert.True(new Quarter(2027, 2) > new Quarter(2027, 1));
        Assert.True(new Quarter(2027, 1) <= new Quarter(2027, 1));
        Assert.Equal([new Quarter(2026, 4), new Quarter(2027, 1), new Quarter(2027, 3)],
            new[] { new Quarter(2027, 3), new Quarter(2026, 4), new Quarter(2027, 1) }.Order());
    }

    [Theory]
    [InlineData("2027Q1", 2027, 1)]
    [InlineData("2027q4", 2027, 4)]
    [InlineData(" 2027-Q2 ", 2027, 2)]
    [InlineData("2027 Q3", 2027, 3)]
    public void TryParse_TheWaysPeopleWriteIt_ReadsTheQuarter(string text, int year, int number) =>
        Assert.Equal(new Quarter(year, number), Quarter.TryParse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2027Q0")]
    [InlineData("2027Q5")]
    [InlineData("27Q1")]
    [InlineData("Q1 2027")]
    [InlineData("2027-03")]
    [InlineData("1999Q4")]
    [InlineData("2101Q1")]
    public void TryParse_NoQuarter_IsNull(string? text) => Assert.Null(Quarter.TryParse(text));

    [Fact]
    public void ToString_IsTheUrlForm_AndDutchReadsAsOnThePage()
    {
        Assert.Equal("2027Q1", new Quarter(2027, 1).ToString());
        Assert.Equal("1e kwartaal 2027", new Quarter(2027, 1).Dutch);
    }

    [Fact]
    public void FromStart_OnlyTheFirstDayOfAQuarter()
    {
        Assert.Equal(new Quarter(2027, 2), Quarter.FromStart(new DateOnly(2027, 4, 1)));
        Assert.Throws<ArgumentException>(() => Quarter.FromStart(new DateOnly(2027, 4, 2)));
    }

    [Theory]
    [InlineData(2027, 0)]
    [InlineData(2027, 5)]
    [InlineData(1999, 1)]
    public void Constructor_NoSuchQuarter_Throws(int year, int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quarter(year, number));
}
