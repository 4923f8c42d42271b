package com.foobar.infra.app.topology;

import java.time.Instant;
import java.util.List;

import com.foobar.infra.app.account.AccountService;
import com.foobar.infra.app.post.PostNotFoundException;
import com.foobar.infra.app.post.PostResponse;
import com.foobar.infra.app.post.PostService;
import com.foobar.infra.app.security.ApiSecuritySlice;
import com.foobar.infra.router.routing.DatabaseNodeListener;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

@WebMvcTest
@Import({ RequestDatabaseNodeListener.class, ApiSecuritySlice.class })
class DatabaseNodeHeaderTests {

    private static final String DB_NODE = "X-DB-Node";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private DatabaseNodeListener listener;

    @MockitoBean
    private PostService posts;

    @MockitoBean
    private AccountService accounts;

    @Test
    void shouldNameTheReplicaThatServedARead() {
        given(this.posts.list(null, 20)).willAnswer((invocation) -> {
            this.listener.connectionObtained("db-replica-2");
            return List.of();
        });

        assertThat(this.mvc.get().uri("/api/posts")).hasStatusOk().hasHeader(DB_NODE, "db-replica-2");
    }

    @Test
    void shouldNameThePrimaryThatServedAWrite() {
        given(this.posts.create("hello", null)).willAnswer((invocation) -> {
            this.listener.connectionObtained("db-primary");
            return post(1);
        });

        assertThat(this.mvc.post().uri("/api/posts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\": \"hello\"}"))
                .hasStatus(HttpStatus.CREATED)
                .hasHeader(DB_NODE, "db-primary");
    }

    @Test
    void shouldNameEveryNodeOnceInTheOrderFirstUsed() {
        given(this.posts.get(1)).willAnswer((invocation) -> {
            this.listener.connectionObtained("db-primary");
            this.listener.connectionObtained("db-replica-1");
            this.listener.connectionObtained("db-primary");
            return post(1);
        });

        assertThat(this.mvc.get().uri("/api/posts/1")).hasStatusOk().hasHeader(DB_NODE, "db-primary, db-replica-1");
    }

    @Test
    void shouldNameTheNodeOnAProblemAnsweredFromTheDatabase() {
        given(this.posts.get(404)).willAnswer((invocation) -> {
            this.listener.connectionObtained("db-replica-1");
            throw new PostNotFoundException(404);
        });

        assertThat(this.mvc.get().uri("/api/posts/404"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasHeader(DB_NODE, "db-replica-1");
    }

    @Test
    void shouldNotSetTheHeaderWhenTheDatabaseWasNotTouched() {
        given(this.posts.list(null, 20)).willReturn(List.of());

        assertThat(this.mvc.get().uri("/api/posts")).hasStatusOk().doesNotContainHeader(DB_NODE);
        assertThat(this.mvc.get().uri("/api/posts?limit=0")).hasStatus(HttpStatus.BAD_REQUEST)
                .doesNotContainHeader(DB_NODE);
    }

    private static PostResponse post(long id) {
        return new PostResponse(id, "hello", null, Instant.parse("2026-01-02T03:04:05Z"), null, 0);
    }
}
