package com.foobar.infra.app.post;

import com.foobar.infra.app.ApiTestSupport;
import com.foobar.infra.app.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "foobar.board.guest-posts=false")
class GuestPostsOffTests extends ApiTestSupport {

    @Test
    void shouldAskAGuestToLogInBeforePosting() {
        assertThat(browser().post("/api/posts", "{\"body\": \"a guest\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldStillLetAUserPost() {
        Browser browser = browser().registerAndLogIn(unique("xena"));

        assertThat(browser.post("/api/posts", "{\"body\": \"a user\"}")).hasStatus(HttpStatus.CREATED);
    }
}
