package com.foobar.infra.app.post;

import java.time.Instant;
import java.util.List;

import com.foobar.infra.app.security.ApiSecuritySlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

@WebMvcTest(PostController.class)
@Import(ApiSecuritySlice.class)
class PostControllerTests {

    private static final Instant CREATED_AT = Instant.parse("2026-01-02T03:04:05.123456Z");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private PostService posts;

    @Test
    void shouldCreateAPost() {
        given(this.posts.create("hello", null)).willReturn(post(42, "hello"));

        assertThat(this.mvc.post().uri("/api/posts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\": \"hello\"}"))
                .hasStatus(HttpStatus.CREATED)
                .hasHeader("Location", "/api/posts/42")
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"id": 42, "body": "hello", "createdAt": "2026-01-02T03:04:05.123456Z",
                         "author": null, "editedAt": null, "version": 0}""");
    }

    @Test
    void shouldReadAPost() {
        given(this.posts.get(7)).willReturn(post(7, "seven"));

        assertThat(this.mvc.get().uri("/api/posts/7"))
                .hasStatusOk()
                .bodyJson().isStrictlyEqualTo("""
                        {"id": 7, "body": "seven", "createdAt": "2026-01-02T03:04:05.123456Z",
                         "author": null, "editedAt": null, "version": 0}""");
    }

    @Test
    void shouldListTwentyNewestPostsByDefault() {
        given(this.posts.list(null, 20)).willReturn(List.of(post(9, "nine"), post(8, "eight")));

        assertThat(this.mvc.get().uri("/api/posts"))
                .hasStatusOk()
                .bodyJson().isStrictlyEqualTo("""
                        [{"id": 9, "body": "nine", "createdAt": "2026-01-02T03:04:05.123456Z",
                         "author": null, "editedAt": null, "version": 0},
                         {"id": 8, "body": "eight", "createdAt": "2026-01-02T03:04:05.123456Z",
                         "author": null, "editedAt": null, "version": 0}]""");
    }

    @Test
    void shouldPassTheCursorAndLimitOn() {
        given(this.posts.list(100L, 2)).willReturn(List.of(post(99, "a"), post(98, "b")));

        assertThat(this.mvc.get().uri("/api/posts?before=100&limit=2"))
                .hasStatusOk()
                .bodyJson().extractingPath("$[*].id").asArray().containsExactly(99, 98);
    }

    @Test
    void shouldAcceptTheLimitBounds() {
        assertThat(this.mvc.get().uri("/api/posts?limit=1")).hasStatusOk();
        assertThat(this.mvc.get().uri("/api/posts?limit=100")).hasStatusOk();
    }

    @Test
    void shouldRejectALimitBelowOne() {
        assertThat(this.mvc.get().uri("/api/posts?limit=0"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"status": 400, "title": "Bad Request",
                         "detail": "Invalid request: limit must be greater than or equal to 1.",
                         "errors": [{"field": "limit", "message": "must be greater than or equal to 1"}]}""");
        then(this.posts).shouldHaveNoInteractions();
    }

    @Test
    void shouldRejectALimitAboveOneHundred() {
        assertThat(this.mvc.get().uri("/api/posts?limit=101"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("Invalid request: limit must be less than or equal to 100.");
    }

    @Test
    void shouldRejectALimitThatIsNotANumber() {
        assertThat(this.mvc.get().uri("/api/posts?limit=ten"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("'limit'");
    }

    @Test
    void shouldRejectInvalidJsonWithAProblem() {
        assertThat(this.mvc.post().uri("/api/posts").contentType(MediaType.APPLICATION_JSON).content("{\"body\": "))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"status": 400, "title": "Bad Request", "instance": "/api/posts",
                         "detail": "The request body is missing or is not valid JSON."}""");
    }

    @Test
    void shouldRejectAMissingBodyWithAProblem() {
        assertThat(this.mvc.post().uri("/api/posts").contentType(MediaType.APPLICATION_JSON))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("The request body is missing or is not valid JSON.");
    }

    @Test
    void shouldRejectABlankBodyNamingTheField() {
        assertThat(this.mvc.post().uri("/api/posts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\": \" \\t \"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"status": 400, "detail": "Invalid request: body must not be blank.",
                         "errors": [{"field": "body", "message": "must not be blank"}]}""");
        then(this.posts).should(never()).create(anyString(), any());
    }

    @Test
    void shouldRejectAnAbsentBodyField() {
        assertThat(this.mvc.post().uri("/api/posts").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void shouldAcceptABodyOfTheMaximumLength() {
        String body = "a".repeat(Post.MAX_BODY_LENGTH);
        given(this.posts.create(body, null)).willReturn(post(1, body));

        assertThat(this.mvc.post().uri("/api/posts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\": \"" + body + "\"}"))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void shouldRejectABodyOverTheMaximumLength() {
        assertThat(this.mvc.post().uri("/api/posts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\": \"" + "a".repeat(Post.MAX_BODY_LENGTH + 1) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("Invalid request: body must be at most 10000 characters.");
        then(this.posts).should(never()).create(anyString(), any());
    }

    @Test
    void shouldAnswerAnUnknownIdWithA404Problem() {
        given(this.posts.get(404)).willThrow(new PostNotFoundException(404));

        assertThat(this.mvc.get().uri("/api/posts/404"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"status": 404, "title": "Not Found", "detail": "No post with id 404.",
                         "instance": "/api/posts/404"}""");
    }

    @Test
    void shouldAnswerAnUnknownRouteWithA404Problem() {
        assertThat(this.mvc.get().uri("/api/nothing-here"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"status": 404, "detail": "No resource at /api/nothing-here."}""");
    }

    @Test
    void shouldAnswerAnUnavailableDatabaseWithA503Problem() {
        given(this.posts.list(null, 20)).willThrow(new DataAccessResourceFailureException("db-replica-1 - timeout"));

        assertThat(this.mvc.get().uri("/api/posts"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasHeader(HttpHeaders.RETRY_AFTER, "1")
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("The database is unavailable; try again shortly.");
    }

    @Test
    void shouldNotRevealTheCauseOfAnUnexpectedError() {
        given(this.posts.list(null, 20)).willThrow(new IllegalStateException("secret internals"));

        assertThat(this.mvc.get().uri("/api/posts"))
                .hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText().doesNotContain("secret internals").doesNotContain("IllegalStateException")
                .contains("An unexpected error occurred.");
    }

    private static PostResponse post(long id, String body) {
        return new PostResponse(id, body, null, CREATED_AT, null, 0);
    }
}
