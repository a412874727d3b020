using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;

namespace QppOrleans.Portal.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver, as a person would use the portal:
/// it types, clicks or presses keys, reads what is on screen, saves a screenshot of each screen
/// and runs axe-core on it (WCAG 2.1 A and AA; a serious or critical violation fails the test).
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverDirectory = "/usr/bin";

    private static readonly string Axe = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "axe.min.js"));
    private readonly string profile = Directory.CreateTempSubdirectory("qpp-chromium-").FullName;
    private readonly Uri baseAddress;
    private readonly string test;
    private int shots;

    public Browser(Uri baseAddress, string test, int width = 1280, int height = 1000)
    {
        this.baseAddress = baseAddress;
        this.test = test;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}", $"--window-size={width},{height}");
        // The driver is Debian's: Selenium Manager downloads nothing.
#pragma warning disable CA2000 // The driver owns its service and stops it when it quits.
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, "chromedriver");
#pragma warning restore CA2000
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
    }

    public ChromeDriver Driver { get; }

    public string Path => new Uri(Driver.Url).PathAndQuery;

    public string Heading => Driver.FindElement(By.CssSelector("main h1")).Text;

    public string Main => Driver.FindElement(By.Id("main-content")).Text;

    public void Go(string path) => Driver.Navigate().GoToUrl(new Uri(baseAddress, path));

    public IWebElement Find(string css) => Wait(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed || e.TagName == "input"));

    public IWebElement Labelled(string label) =>
        Wait(d => d.FindElements(By.XPath($"//label[normalize-space(.)='{label}' or normalize-space(.)='{label} *']")).FirstOrDefault()) is { } found
            ? Driver.FindElement(By.Id(found.GetAttribute("for")!))
            : throw new NoSuchElementException(label);

    public void Type(string label, string text)
    {
        var field = Labelled(label);
        field.Clear();
        field.SendKeys(text);
    }

    /// <summary>Clicks the link or button whose visible text starts with <paramref name="text"/> (screen-reader-only words after it aside).</summary>
    public void Click(string text) => Clickable(text).Click();

    public IWebElement Clickable(string text) => Wait(d =>
        d.FindElements(By.CssSelector("main a, main button")).FirstOrDefault(e => e.Displayed && e.Text.Trim().StartsWith(text, StringComparison.Ordinal))
        ?? d.FindElements(By.CssSelector("header a, header button")).FirstOrDefault(e => e.Displayed && e.Text.Trim().StartsWith(text, StringComparison.Ordinal)));

    /// <summary>USWDS draws checkboxes and radios on their labels (the input itself is hidden): a person clicks the label.</summary>
    /// <summary>Picks <paramref name="file"/> in the page's file field and sends it with the button named <paramref name="button"/>.</summary>
    public void Upload(string file, string button)
    {
        Driver.FindElement(By.CssSelector("input[type=file]")).SendKeys(file);
        Click(button);
    }

    public void Check(string label) =>
        Wait(d => d.FindElements(By.XPath($"//label[starts-with(normalize-space(.), '{label}')]")).FirstOrDefault(e => e.Displayed)).Click();

    public void WaitForPath(string prefix) => Until(d => new Uri(d.Url).AbsolutePath.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Loads the page again until <paramref name="condition"/> holds: what the API shows of an event may lag a moment behind it.</summary>
    public void RefreshUntil(Func<IWebDriver, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(Driver))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new WebDriverTimeoutException($"Not within {seconds} s on {Driver.Url}; page text: {Driver.FindElement(By.TagName("body")).Text}");
            }

            Thread.Sleep(300);
            Driver.Navigate().Refresh();
        }
    }

    public void WaitForText(string text) => Until(d => d.FindElement(By.TagName("body")).Text.Contains(text, StringComparison.Ordinal));

    /// <summary>Keyboard only: Tab until the element <paramref name="css"/> matches has the focus (at most 80 presses).</summary>
    public IWebElement TabTo(string css)
    {
        var target = Find(css);
        for (var i = 0; i < 80; i++)
        {
            if (Driver.SwitchTo().ActiveElement().Equals(target))
            {
                return target;
            }

            new Actions(Driver).SendKeys(Keys.Tab).Perform();
        }

        throw new InvalidOperationException($"{css} never got the focus by Tab.");
    }

    public void Press(string keys) => new Actions(Driver).SendKeys(keys).Perform();

    /// <summary>Picks the option of a select by its visible text.</summary>
    public void Choose(IWebElement select, string option) =>
        select.FindElements(By.TagName("option")).First(o => o.Text.Trim() == option).Click();

    /// <summary>Saves this screen (PNG, under the test output) and checks it with axe-core.</summary>
    public void Screen(string name)
    {
        Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState") as string == "complete");
        var file = System.IO.Path.Combine(Repository.Screenshots, $"{test}-{++shots:D2}-{name}.png");
        Driver.GetScreenshot().SaveAsFile(file);
        AssertAccessible(name);
    }

    public void AssertAccessible(string screen)
    {
        Driver.ExecuteScript(Axe);
        var json = (string?)Driver.ExecuteAsyncScript(
            "var done = arguments[arguments.length - 1];" +
            "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })" +
            ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])); });");
        var violations = JsonSerializer.Deserialize<JsonElement>(json ?? "[]").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at " +
                string.Join("; ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("html").GetString())))
            .ToList();
        Assert.True(violations.Count == 0, $"axe-core on {screen} ({Path}): {string.Join(Environment.NewLine, violations)}");
    }

    public void Until(Func<IWebDriver, bool> condition, int seconds = 15) => Wait<object>(d => condition(d) ? true : null, seconds);

    public T Wait<T>(Func<IWebDriver, T?> condition, int seconds = 15)
    {
        try
        {
            // Looked at every 100 ms rather than Selenium's 500: most waits are for the next page, which takes less.
            var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { PollingInterval = TimeSpan.FromMilliseconds(100) };
            // A page that is being replaced by the next one has elements that go stale under the reader.
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
            return wait.Until(d => ReadingReplacedPage(() => condition(d)))!;
        }
        catch (WebDriverTimeoutException e)
        {
            throw new WebDriverTimeoutException($"{e.Message} on {Driver.Url}; page text: {Driver.FindElement(By.TagName("body")).Text}", e);
        }
    }

    /// <summary>
    /// Chromium reports an element of a page that navigation has just replaced as an unknown error
    /// ("Node with given id does not belong to the document") rather than as stale; the wait
    /// treats both alike and reads again.
    /// </summary>
    private static T? ReadingReplacedPage<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (UnknownErrorException e) when (e.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            return default;
        }
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
