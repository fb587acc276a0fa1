package cn.govcloud.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * driving a running GovCloud, with screenshots under {@code target/screenshots} to look
 * at.
 */
final class Browser implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String base;

	private final Path profile;

	Browser(int port) {
		try {
			this.profile = Files.createTempDirectory("govcloud-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("GOVCLOUD_CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1366,900", "--lang=zh-CN", "--user-data-dir=" + this.profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(executable("GOVCLOUD_CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().implicitlyWait(Duration.ofMillis(200));
		this.base = "http://localhost:" + port;
	}

	private static String executable(String variable, String fallback) {
		String path = System.getenv().getOrDefault(variable, fallback);
		if (!new File(path).canExecute()) {
			throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
					+ "(.ci/run does) or point " + variable + " at them");
		}
		return path;
	}

	Browser open(String path) {
		this.driver.get(this.base + path);
		return this;
	}

	WebElement find(String css) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	boolean present(String css) {
		return !this.driver.findElements(By.cssSelector(css)).isEmpty();
	}

	/**
	 * The element's text. A page being replaced (a redirect, an htmx swap) can take the
	 * element away between finding and reading it: then it is found again.
	 */
	String text(String css) {
		for (int attempt = 1;; attempt++) {
			try {
				return find(css).getText();
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (attempt == 5 || ex instanceof org.openqa.selenium.TimeoutException) {
					throw ex;
				}
			}
		}
	}

	Browser type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/**
	 * Sets an input's value as a script would (e.g. a date) and tells listeners it
	 * changed.
	 */
	Browser setValue(String css, String value) {
		this.driver.executeScript("const e = arguments[0]; e.value = arguments[1];"
				+ "e.dispatchEvent(new Event('input', {bubbles: true}));"
				+ "e.dispatchEvent(new Event('change', {bubbles: true}));", find(css), value);
		return this;
	}

	/** Chooses the option with this value in a select. */
	Browser select(String css, String value) {
		new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
		return this;
	}

	Browser click(String css) {
		find(css).click();
		return this;
	}

	Browser waitForText(String css, String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until((d) -> {
			try {
				return ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text).apply(d);
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				// an htmx swap replaced the element between finding and reading it:
				// Chromium says so in words Selenium does not map to a stale element
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return false;
				}
				throw ex;
			}
		});
		return this;
	}

	Browser waitForPath(String path) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until((d) -> currentPath().equals(path));
		return this;
	}

	String currentPath() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	String language() {
		return find("html").getAttribute("lang");
	}

	/** Keys typed into an element, e.g. {@code Keys.ENTER} on a button: keyboard only. */
	Browser press(String css, CharSequence... keys) {
		find(css).sendKeys(keys);
		return this;
	}

	/** A DOM property of an element, visible or not (e.g. {@code textContent}). */
	String property(String css, String name) {
		return this.driver.findElement(By.cssSelector(css)).getDomProperty(name);
	}

	boolean visible(String css) {
		return this.driver.findElement(By.cssSelector(css)).isDisplayed();
	}

	/** The id of the element that has the keyboard focus. */
	String focusedId() {
		return this.driver.switchTo().activeElement().getDomAttribute("id");
	}

	Object script(String javascript) {
		return this.driver.executeScript(javascript);
	}

	Browser waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
			.until((d) -> condition.getAsBoolean());
		return this;
	}

	Browser signIn(String username, String password) {
		open("/login");
		type("#username", username);
		type("#password", password);
		click("#login-submit");
		return this;
	}

	/** Saves a PNG of the page as {@code target/screenshots/<name>.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a temp profile left behind is harmless
		}
	}

}
