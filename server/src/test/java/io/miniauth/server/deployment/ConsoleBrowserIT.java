package io.miniauth.server.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.miniauth.server.support.Api;
import io.miniauth.server.support.Api.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in Debian's headless Chromium against the packaged jar on a fresh
 * demo start: the first admin through the one-time setup link from the start-up log, sign
 * in, find a user by openid, end the session and see that user's token refused, ban a
 * user in the dialog and see their login refused and them listed under the status filter,
 * unban, switch to English (remembered), export CSV. Every page is saved as a screenshot
 * under {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

	private static final String PASSWORD = "console-admin-password";

	private static JarProcess server;

	private static Path downloads;

	private static WebDriver browser;

	private static WebDriverWait wait;

	private static Api api;

	private static String userToken;

	private static String openid;

	@BeforeAll
	static void start() throws IOException, InterruptedException {
		installChromium();
		server = JarProcess.start("console-demo", Deployment.serverJar(), Map.of())
			.awaitReady("/actuator/health/readiness", Deployment.START_TIMEOUT);
		api = new Api(server.port());
		Files.createDirectories(SCREENSHOTS);
		downloads = Files.createTempDirectory("console-downloads");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN");
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		Deployment.closeAll(server);
	}

	@Test
	@Order(1)
	void setupLinkWhenOpenedThenFirstAdminCreatedAndSignedIn() {
		Matcher link = Pattern.compile("http://localhost:\\d+(/admin/#/setup\\?token=[A-Za-z0-9_-]+)")
			.matcher(server.output());
		assertThat(link.find()).as("the setup link in the start-up log").isTrue();

		browser.get(server.url() + link.group(1));
		WebElement page = visible("[data-test=setup-page]");
		List<WebElement> inputs = page.findElements(By.cssSelector("input"));
		inputs.get(1).sendKeys(PASSWORD);
		screenshot("01-setup");
		page.findElement(By.cssSelector("button[type=submit]")).click();

		visible("[data-test=dashboard-page]");
	}

	@Test
	@Order(2)
	void signInWhenPasswordRightThenDashboard() {
		click("[data-test=sign-out]");
		visible("[data-test=sign-in-page]");

		input("username").sendKeys("admin");
		input("password").sendKeys(PASSWORD);
		screenshot("02-sign-in");
		click("[data-test=submit]");

		visible("[data-test=dashboard-page]");
		assertThat(browser.findElement(By.cssSelector(".header")).getText()).contains("退出登录");
	}

	@Test
	@Order(3)
	void dashboardWhenUserLoggedInThenCountsToday() {
		JsonNode login = api.login("alice").json();
		userToken = login.get("token").asString();
		openid = login.get("user").get("openid").asString();
		String phoneCode = api
			.post("/emulator/wx/phone-code", Api.json(Map.of("user", "alice", "phoneNumber", "13800138000")))
			.json()
			.get("code")
			.asString();
		assertThat(api.post("/user/phone", Api.json(Map.of("code", phoneCode)), "Authorization", "Bearer " + userToken)
			.status()).isEqualTo(200);

		browser.get(server.url() + "/admin/#/dashboard");
		browser.navigate().refresh();
		wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=today-new-users]"), "1"));
		wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=today-paid-calls]"), "1"));
		assertThat(browser.findElement(By.cssSelector("[data-test=paid-calls]")).getText()).contains("¥0.03–¥0.04");
		pause();
		screenshot("03-dashboard");
	}

	@Test
	@Order(4)
	void usersWhenSearchedByOpenidThenFoundAndSessionEndedRefusesToken() {
		assertThat(api.get("/user/me", "Authorization", "Bearer " + userToken).status()).isEqualTo(200);
		api.login("bob");
		browser.get(server.url() + "/admin/#/users");
		input("filter-openid").sendKeys(openid);
		click("[data-test=search]");
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-test=users] .el-table__body tr"), 1));
		screenshot("04-users");

		click("[data-test='open-" + openid + "']");
		wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=openid]"), openid));
		visible("[data-test=end-session]");
		screenshot("05-user-detail");
		click("[data-test=end-session]");
		click(".el-message-box__btns .el-button--primary");
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test=end-session]")));
		screenshot("06-user-session-ended");

		Reply refused = api.get("/user/me", "Authorization", "Bearer " + userToken);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("TOKEN_REVOKED");
	}

	@Test
	@Order(5)
	void banWhenSubmittedInTheDialogThenLoginRefusedAndUserListedAsBanned() {
		String carol = api.login("carol").json().get("user").get("openid").asString();
		openUser(carol);
		click("[data-test=ban]");
		WebElement dialog = visible(".el-dialog");
		dialog.findElement(By.xpath(".//label[contains(@class, 'el-radio')][normalize-space() = '30 天']")).click();
		input("ban-reason").sendKeys("刷单");
		pause();
		screenshot("06b-ban-dialog");
		click("[data-test=ban-confirm]");
		visible("[data-test=unban]");
		assertThat(browser.findElement(By.cssSelector("[data-test=user-page]")).getText()).contains("已封禁")
			.contains("刷单")
			.contains("封禁用户")
			.contains("封禁 30 天，至");
		screenshot("06c-user-banned");

		Reply refused = api.post("/user/login", Api.json(Map.of("code", api.wxLogin("carol"))));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("ACCOUNT_BANNED");
		Instant until = Instant.parse(refused.json().get("until").asString());
		assertThat(until).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));

		browser.get(server.url() + "/admin/#/users");
		visible("[data-test=users-page]");
		choose("[data-test=filter-status]", "已封禁");
		click("[data-test=search]");
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-test=users] .el-table__body tr"), 1));
		visible("[data-test='open-" + carol + "']");
		pause();
		screenshot("06d-users-banned");

		click("[data-test='open-" + carol + "']");
		click("[data-test=unban]");
		assertThat(visible(".el-message-box").getText()).contains("解除封禁");
		pause();
		screenshot("06e-unban-confirm");
		click(".el-message-box__btns .el-button--primary");
		visible("[data-test=ban]");
		assertThat(api.post("/user/login", Api.json(Map.of("code", api.wxLogin("carol")))).status()).isEqualTo(200);
	}

	@Test
	@Order(6)
	void languageWhenSwitchedToEnglishThenRemembered() {
		browser.get(server.url() + "/admin/#/users");
		visible("[data-test=users-page]");
		choose(".header [data-test=language]", "English");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".header"), "Sign out"));

		browser.navigate().refresh();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page-title"), "Users"));
		assertThat(browser.findElement(By.cssSelector(".header")).getText()).contains("Sign out");
		screenshot("07-users-english");
	}

	@Test
	@Order(7)
	void exportWhenClickedThenCsvWithBomDownloaded() throws Exception {
		browser.get(server.url() + "/admin/#/users");
		visible("[data-test=users-page]");
		click("[data-test=export]");

		Path csv = downloads.resolve("users.csv");
		wait.until((driver) -> Files.exists(csv) && !Files.exists(downloads.resolve("users.csv.crdownload")));
		byte[] bytes = Files.readAllBytes(csv);
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).contains(openid).contains("createdAt (");
		assertThat(text.lines().count()).as("a header and alice, bob, carol").isEqualTo(4);
	}

	@Test
	@Order(8)
	void everyPageWhenOpenedThenShown() {
		for (String page : List.of("events", "audit", "operators", "health")) {
			browser.get(server.url() + "/admin/#/" + page);
			WebElement shown = visible("[data-test=" + page + "-page]");
			pause();
			screenshot("08-" + page);
			assertThat(shown.findElement(By.cssSelector(".page-title")).getText()).as(page).isNotBlank();
		}
	}

	@Test
	@Order(9)
	void phoneWhenNarrowThenMenuInDrawer() {
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(server.url() + "/admin/#/users");
		visible("[data-test=users-page]");
		pause();
		screenshot("09-phone-users");
		click("[data-test=menu]");
		visible(".el-drawer .el-menu");
		pause();
		screenshot("10-phone-menu");
		browser.manage().window().setSize(new Dimension(1366, 900));
	}

	/** Finds a user by openid in the user list and opens their page. */
	private static void openUser(String openid) {
		browser.get(server.url() + "/admin/#/users");
		input("filter-openid").sendKeys(openid);
		click("[data-test=search]");
		click("[data-test='open-" + openid + "']");
		wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=openid]"), openid));
	}

	private static WebElement visible(String css) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * An Element Plus input: the attribute lands on the native input or on its wrapper.
	 */
	private static WebElement input(String name) {
		return visible("input[data-test=" + name + "], [data-test=" + name + "] input");
	}

	/** Picks the option shown as {@code label} in an Element Plus select. */
	private static void choose(String select, String label) {
		click(select + " .el-select__wrapper");
		wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//li[contains(@class, 'el-select-dropdown__item')][normalize-space() = '" + label + "']")))
			.click();
	}

	private static void click(String css) {
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
	}

	/** Lets charts and transitions finish drawing before a screenshot. */
	private static void pause() {
		try {
			Thread.sleep(800);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void screenshot(String name) {
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void installChromium() throws IOException, InterruptedException {
		Process install = new ProcessBuilder("bash", "../.ci/install-chromium.sh").inheritIO().start();
		assertThat(install.waitFor()).as("installing chromium chromium-driver").isZero();
	}

}
