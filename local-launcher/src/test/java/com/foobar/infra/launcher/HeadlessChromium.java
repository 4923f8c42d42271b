package com.foobar.infra.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver through Selenium, as a JUnit extension: on a machine
 * without them each test is skipped (an assumption, before the test starts anything) with the packages to install as
 * the reason; the browser starts on a test's first use, a test that fails leaves a screenshot, and the browser quits
 * after the class. Screenshots go to {@code target/screenshots/<test class>/}.
 * <p>
 * Both programs are named by path, so Selenium Manager never looks for (or downloads) a driver or a browser.
 * {@code www.foobar.com} and {@code foobar.com} resolve to 127.0.0.1 inside the browser (a host resolver rule: no
 * hosts file to edit). The site's certificate is trusted by the public keys of the topology's dev CA and site
 * certificate ({@code --ignore-certificate-errors-spki-list}): Chromium on Linux keeps trusted CAs only in the
 * user's NSS database, which needs {@code certutil} and is shared by every profile, while this switch trusts those
 * two keys in this browser alone. Unlike {@code --ignore-certificate-errors} a certificate with any other key is still
 * refused; what it does not check, for those two keys, is the name and the dates (the API tests' {@link SiteClient}
 * does).
 */
final class HeadlessChromium
        implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, AfterAllCallback {

    /** Debian's places; {@code -Dfoobar.chromium=} and {@code -Dfoobar.chromedriver=} name others. */
    static final Path CHROMIUM = Path.of(System.getProperty("foobar.chromium", "/usr/bin/chromium"));

    static final Path CHROMEDRIVER = Path.of(System.getProperty("foobar.chromedriver", "/usr/bin/chromedriver"));

    static final Duration PATIENCE = Duration.ofSeconds(10);

    private @Nullable ChromeDriver driver;

    private @Nullable Path tls;

    private Path screenshots = Path.of("target", "screenshots");

    private int shots;

    @Override
    public void beforeAll(ExtensionContext context) {
        this.screenshots = Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName());
    }

    /** Per test, not per class: Surefire reports a class skipped in {@code beforeAll} as no test at all. */
    @Override
    public void beforeEach(ExtensionContext context) {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            assumeThat(Files.isExecutable(program))
                .as("%s is not installed: apt-get install chromium chromium-driver", program)
                .isTrue();
        }
    }

    /** The browser will trust the certificates in this topology {@code tls} folder. */
    void trust(Path tls) {
        this.tls = tls;
    }

    /** The browser, started on first use. */
    ChromeDriver browser() {
        if (this.driver == null) {
            this.driver = start();
        }
        return this.driver;
    }

    private ChromeDriver start() {
        if (this.tls == null) {
            throw new IllegalStateException("trust() the topology's tls folder first");
        }
        Path tls = this.tls;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--host-resolver-rules=MAP www.foobar.com 127.0.0.1, MAP foobar.com 127.0.0.1",
                "--ignore-certificate-errors-spki-list=" + String.join(",",
                        publicKeyHash(tls.resolve("dev-ca.crt")), publicKeyHash(tls.resolve("www.foobar.com.crt"))));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        return new ChromeDriver(service, options);
    }

    WebDriverWait await() {
        return new WebDriverWait(browser(), PATIENCE, Duration.ofMillis(100));
    }

    /** A wait whose time-out names what did not happen (a lambda condition says nothing by itself). */
    WebDriverWait await(String expectation) {
        return (WebDriverWait) await().withMessage(expectation);
    }

    /** Saves what the browser shows as {@code NN-name.png}, numbered in the order taken. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(this.screenshots);
            Path target = this.screenshots.resolve("%02d-%s.png".formatted(++this.shots, name));
            Files.move(browser().getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && this.driver != null) {
            screenshot(context.getRequiredTestMethod().getName() + "-FAILED");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (this.driver != null) {
            this.driver.quit();
            this.driver = null;
        }
    }

    /** The base64 SHA-256 of a certificate's SubjectPublicKeyInfo, as Chromium's SPKI list wants it. */
    private static String publicKeyHash(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            byte[] spki = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not read " + certificate, ex);
        }
    }

}
