package com.foobar.infra.app.json;

import com.foobar.infra.app.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API reads JSON strictly: what is not valid for the request's schema is a {@code 400} problem naming the field,
 * never reinterpreted into something else that is then stored and acknowledged.
 */
class StrictJsonTests extends ApiTestSupport {

    @Test
    void shouldRefuseAFieldGivenTwice() {
        MvcTestResult response = browser().post("/api/posts", "{\"body\": \"first\", \"body\": \"second\"}");

        assertBadRequest(response, "body", "The request body has the field body more than once.");
    }

    @Test
    void shouldRefuseANumberWhereAStringIsExpected() {
        MvcTestResult response = browser().post("/api/posts", "{\"body\": 12345}");

        assertBadRequest(response, "body", "Invalid request: body must be a string.");
    }

    @Test
    void shouldRefuseABooleanWhereAStringIsExpected() {
        MvcTestResult response = browser().post("/api/users", "{\"username\": true, \"password\": \"pw-12345678\"}");

        assertBadRequest(response, "username", "Invalid request: username must be a string.");
    }

    @Test
    void shouldRefuseALoneSurrogate() {
        MvcTestResult response = browser().post("/api/posts", "{\"body\": \"broken \\ud800 text\"}");

        assertBadRequest(response, "body", "Invalid request: body is not valid Unicode (a lone surrogate).");
    }

    @Test
    void shouldStoreAPairedSurrogateAsSent() {
        MvcTestResult response = browser().post("/api/posts", "{\"body\": \"smile \\ud83d\\ude00\"}");

        assertThat(response).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.body")
            .isEqualTo("smile \uD83D\uDE00");
    }

    private static void assertBadRequest(MvcTestResult response, String field, String detail) {
        assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response).bodyJson().extractingPath("$.detail").isEqualTo(detail);
        assertThat(response).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
    }
}
