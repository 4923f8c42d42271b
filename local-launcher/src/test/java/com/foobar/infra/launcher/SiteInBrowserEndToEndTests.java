package com.foobar.infra.launcher;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site in a real browser (headless Chromium) through the shared end-to-end topology: a user registers, logs
 * in, posts and sees the post at once, edits it and logs out; the {@code /infra} page draws every node. Elements are
 * found by the ids and data attributes the page promises (issue 5's contract); a screenshot marks each step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteInBrowserEndToEndTests {

    @RegisterExtension
    static final RunningTopology running = new RunningTopology();

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    static String site;

    @BeforeAll
    static void open() {
        site = running.site();
        chromium.trust(running.topology().caCertificate().getParent());
    }

    @Test
    @Order(1)
    void shouldOpenTheHomePageOverHttpsTrustingTheDevCertificates() {
        browser().get(site);
        chromium.await("the page loaded")
            .until((driver) -> "complete".equals(script("return document.readyState")));
        assertThat(browser().getCurrentUrl()).isEqualTo(site);
        assertThat(browser().getTitle()).contains("foobar");
        // The page's own API calls work from the browser too: same origin, through every tier.
        Object status = browser().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/posts?limit=1').then((response) => done(response.status), (error) => done(String(error)));
                """);
        assertThat(status).isEqualTo(200L);
        chromium.screenshot("home-page");
    }

    @Test
    @Order(2)
    void shouldRegisterLogInPostAndSeeThePostAtOnceEditItAndLogOut() {
        String username = "e2e-" + Long.toString(Instant.now().toEpochMilli(), 36);
        String password = "browser-password";
        browser().get(site);
        visible("#register-form");
        type("#register-username", username);
        type("#register-password", password);
        chromium.screenshot("register");
        browser().findElement(By.id("register-submit")).click();

        // A successful registration fills the log-in form in.
        chromium.await("the log-in form filled in with the new username")
            .until((driver) -> username.equals(find("#login-username").getDomProperty("value")));
        type("#login-password", password);
        browser().findElement(By.id("login-submit")).click();
        chromium.await().until(ExpectedConditions.textToBe(By.id("current-user"), username));
        visible("#logout-button");
        visible("#post-form");
        chromium.screenshot("logged-in");

        String body = "Posted from headless Chromium by " + username;
        type("#post-body", body);
        browser().findElement(By.id("post-submit")).click();
        WebElement post = chromium.await("the new post in the timeline").until((driver) -> postWithBody(body));
        assertThat(post.findElement(By.cssSelector(".post-author")).getText()).contains(username);
        chromium.screenshot("posted");

        post.findElement(By.cssSelector("button.post-edit")).click();
        WebElement editor = chromium.await()
            .until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(post,
                    By.cssSelector("textarea.post-edit-body")))
            .getFirst();
        editor.clear();
        editor.sendKeys(body + " (edited)");
        post.findElement(By.cssSelector("button.post-save")).click();
        chromium.await("the edited post in the timeline")
            .until((driver) -> postWithBody(body + " (edited)"));
        chromium.screenshot("edited");

        // The session lives in the database, not in the page: a reload is still logged in and shows the edit.
        browser().navigate().refresh();
        chromium.await().until(ExpectedConditions.textToBe(By.id("current-user"), username));
        chromium.await("the edited post after a reload").until((driver) -> postWithBody(body + " (edited)"));

        browser().findElement(By.id("logout-button")).click();
        chromium.await().until(ExpectedConditions.textToBe(By.id("current-user"), ""));
        visible("#login-form");
        chromium.screenshot("logged-out");
    }

    @Test
    @Order(3)
    void shouldDrawEveryNodeOfTheTopologyOnTheInfraPage() {
        browser().get(site + "infra");
        Map<String, Integer> expected = Map.of("gateway", 2, "web", 3, "app", 3, "db-primary", 1, "db-replica", 2);
        chromium.await("nodes by [data-role]: " + expected)
            .until((driver) -> expected.entrySet().stream().allMatch((role) -> role.getValue() == driver
                .findElements(By.cssSelector("[data-role=\"" + role.getKey() + "\"]")).size()));
        // Three database nodes: the primary and two replicas; every node healthy within one or two refreshes.
        assertThat(browser().findElements(By.cssSelector("[data-role^=\"db-\"]"))).hasSize(3);
        chromium.await("every [data-node] with data-health=\"up\"")
            .until((driver) -> driver.findElements(By.cssSelector("[data-node]")).stream()
                .allMatch((node) -> "up".equals(node.getDomAttribute("data-health"))));
        chromium.await("#request-path filled in").until((driver) -> !find("#request-path").getText().isBlank());
        chromium.screenshot("infra");
    }

    private static ChromeDriver browser() {
        return chromium.browser();
    }

    private static void visible(String selector) {
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector)));
    }

    private static WebElement find(String selector) {
        return browser().findElement(By.cssSelector(selector));
    }

    private static void type(String selector, String text) {
        WebElement field = find(selector);
        field.clear();
        field.sendKeys(text);
    }

    private static Object script(String javascript) {
        return browser().executeScript(javascript);
    }

    /** The timeline's post whose text is {@code body}, or null while there is none. */
    private static WebElement postWithBody(String body) {
        return browser().findElements(By.cssSelector("#timeline li.post[data-post-id]")).stream()
            .filter((post) -> post.findElement(By.cssSelector(".post-body")).getText().equals(body))
            .findFirst()
            .orElse(null);
    }

}
