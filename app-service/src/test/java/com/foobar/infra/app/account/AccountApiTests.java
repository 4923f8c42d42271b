package com.foobar.infra.app.account;

import com.foobar.infra.app.ApiTestSupport;
import com.foobar.infra.app.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

class AccountApiTests extends ApiTestSupport {

    @Test
    void shouldRegisterWithoutLoggingIn() {
        Browser browser = browser();
        String username = unique("judy");

        assertThat(browser.post("/api/users", Browser.credentials(username)))
                .hasStatus(HttpStatus.CREATED)
                .hasHeader("Location", "/api/users/" + username)
                .bodyJson().isStrictlyEqualTo("{\"username\": \"" + username + "\"}");
        assertThat(browser.cookie("SESSION")).isEmpty();
        assertThat(browser.get("/api/users/" + username)).hasStatusOk().bodyJson()
                .isStrictlyEqualTo("{\"username\": \"" + username + "\"}");
    }

    @Test
    void shouldRefuseATakenUsernameWith409() {
        String username = unique("mallory");
        browser().register(username);

        assertThat(browser().post("/api/users", Browser.credentials(username)))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("{\"status\": 409, \"detail\": \"The username '" + username
                        + "' is taken.\", \"instance\": \"/api/users\"}");
    }

    @Test
    void shouldNameEachInvalidField() {
        assertThat(browser().post("/api/users", "{\"username\": \"No Caps\", \"password\": \"short\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("username", "password");
    }

    @Test
    void shouldRefuseAUsernameTooShortOrTooLongOrMissing() {
        for (String username : new String[] { "\"ab\"", "\"" + "a".repeat(31) + "\"", "null" }) {
            assertThat(browser().post("/api/users", "{\"username\": " + username + ", \"password\": \"long enough\"}"))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("username");
        }
    }

    @Test
    void shouldRefuseAPasswordOverTheMaximum() {
        assertThat(browser().post("/api/users", "{\"username\": \"" + unique("long") + "\", \"password\": \""
                + "p".repeat(129) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().isLenientlyEqualTo("""
                        {"errors": [{"field": "password", "message": "size must be between 8 and 128"}]}""");
    }

    @Test
    void shouldRefuseABodyThatIsNotJsonWith415() {
        assertThat(browser().perform(MockMvcRequestBuilders.post("/api/users").contentType(MediaType.TEXT_PLAIN)
                .content("username=a&password=b")))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(browser().perform(MockMvcRequestBuilders.post("/api/session")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("username=a&password=b")))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerAnUnknownUserWith404() {
        assertThat(browser().get("/api/users/" + unique("ghost")))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
