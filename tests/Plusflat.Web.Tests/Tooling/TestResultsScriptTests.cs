using System.Diagnostics;

namespace Plusflat.Web.Tests.Tooling;

/// <summary>
/// tools/test-results.py decides whether `./plusflat test` retries failed browser tests and what its closing line
/// says (ADR 0027): run on hand-made .trx files, since a real flaky failure cannot be ordered.
/// </summary>
public sealed class TestResultsScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plusflat-trx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void OneBrowserFailure_IsRetriedByName_AndAPassingRetryCountsAsPassedAndIsNamed()
    {
        Write("first.trx", ("Passed", null), ("Failed", "at Microsoft.Playwright.Core.Waiter.WaitForPromiseAsync"));
        Write("retry/second.trx", ("Skip", null), ("Passed", null));

        Assert.Equal("FullyQualifiedName=Suite.Tests.Two", Run("retry-filter", _folder));
        Assert.Equal("2 passed, 0 failed, 0 skipped (1 browser test(s) failed once and passed on the retry: Suite.Tests.Two)",
            Run("totals", _folder, Path.Combine(_folder, "retry")));
    }

    [Fact]
    public void ABrowserTestFailingTwice_StaysFailed()
    {
        Write("first.trx", ("Passed", null), ("Failed", "at Microsoft.Playwright.Core.Waiter"));
        Write("retry/second.trx", ("Skip", null), ("Failed", "at Microsoft.Playwright.Core.Waiter"));

        Assert.Equal("1 passed, 1 failed, 0 skipped", Run("totals", _folder, Path.Combine(_folder, "retry")));
    }

    [Fact]
    public void AFailureOutsideTheBrowser_IsNeverRetried()
    {
        Write("first.trx", ("Failed", "Assert.Equal() Failure at Xunit.Assert.Equal"), ("Failed", "at Microsoft.Playwright.Core.Waiter"));

        Assert.Equal("", Run("retry-filter", _folder));
    }

    [Fact]
    public void MoreThanThreeBrowserFailures_AreNotRetried()
    {
        Write("first.trx", [.. Enumerable.Repeat<(string, string?)>(("Failed", "at Microsoft.Playwright"), 4)]);

        Assert.Equal("", Run("retry-filter", _folder));
    }

    /// <summary>A .trx with one test per outcome, named Suite.Tests.One, Two, ...; "Skip" leaves that test out.</summary>
    private void Write(string name, params (string Outcome, string? Stack)[] tests)
    {
        string[] names = ["One", "Two", "Three", "Four", "Five"];
        var results = string.Concat(tests.Select((t, i) => t.Outcome == "Skip" ? "" :
            $"""<UnitTestResult testId="{i}" testName="Suite.Tests.{names[i]}" outcome="{t.Outcome}">""" +
            (t.Stack is null ? "" : $"<Output><ErrorInfo><Message>failed</Message><StackTrace>{t.Stack}</StackTrace></ErrorInfo></Output>") +
            "</UnitTestResult>"));
        var definitions = string.Concat(tests.Select((_, i) => $"""<UnitTest id="{i}"><TestMethod className="Suite.Tests" name="{names[i]}"/></UnitTest>"""));
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""<?xml version="1.0"?><TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>{results}</Results><TestDefinitions>{definitions}</TestDefinitions></TestRun>""");
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "tools", "test-results.py"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }
}
