package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Chromium (Debian's {@code chromium} package), driven by Playwright, for the pages. The
 * browser is not a Maven artifact: without it the browser tests are skipped, unless
 * {@code JWTLIB_IT_BROWSER=required} (set by {@code .ci/run}) makes that a failure. axe-core, the
 * accessibility checker, comes from npm (downloaded once into {@code target/}).
 */
final class Browser implements AutoCloseable {

    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"));
    private static final String AXE_VERSION = "4.10.3";
    private static String axe;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browser launch() {
        Path executable = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (executable == null) {
            String why = "no Chromium at " + CHROMIUM + ": apt-get install chromium (see the README)";
            if ("required".equals(System.getenv("JWTLIB_IT_BROWSER"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage"))));
    }

    /**
     * A fresh profile (no cookies, no storage) the size of a phone or of a desktop, whose requests
     * come from a source address of their own (the test servers trust the loopback proxy), so
     * that rate limits and lockouts of other tests do not meet it.
     */
    BrowserContext context(boolean phone) {
        String source = "198.19." + ThreadLocalRandom.current().nextInt(256) + "." + (1 + ThreadLocalRandom.current().nextInt(254));
        BrowserContext context = browser.newContext(new NewContextOptions()
                .setViewportSize(phone ? 390 : 1200, phone ? 844 : 900)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", source))
                .setAcceptDownloads(true));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** Runs axe-core on the page as it is now: no serious or critical violation. */
    static void assertAccessible(Page page, String what) {
        page.evaluate(axeSource());
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        assertEquals(List.of(), result, "accessibility of " + what);
    }

    /** axe-core's browser build, from npm (the registry reachable here), kept in target/. */
    private static synchronized String axeSource() {
        if (axe == null) {
            Path dir = Path.of("target", "axe-core-" + AXE_VERSION);
            Path file = dir.resolve("package/axe.min.js");
            try {
                if (!Files.exists(file)) {
                    Files.createDirectories(dir);
                    run(dir, "npm", "pack", "--silent", "axe-core@" + AXE_VERSION);
                    run(dir, "tar", "xzf", "axe-core-" + AXE_VERSION + ".tgz");
                }
                axe = Files.readString(file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot get axe-core " + AXE_VERSION + " from npm", e);
            }
        }
        return axe;
    }

    private static void run(Path dir, String... command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Saves a screenshot for the README under target/screenshots. */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
