package com.foobar.infra.app.post;

import java.util.List;

import com.foobar.infra.app.ApiTestSupport;
import com.foobar.infra.app.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static com.foobar.infra.app.Browser.idOf;
import static org.assertj.core.api.Assertions.assertThat;

class PostApiTests extends ApiTestSupport {

    @Test
    void shouldPostAsAGuestWithoutLoggingIn() {
        MvcTestResult created = browser().post("/api/posts", "{\"body\": \"hello from a guest\"}");

        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().isLenientlyEqualTo("""
                {"body": "hello from a guest", "author": null, "editedAt": null, "version": 0}""");
        assertThat(created).hasHeader("Location", "/api/posts/" + idOf(created));
    }

    @Test
    void shouldPostAsTheLoggedInUserAndReadItBackAtOnce() {
        String username = unique("olivia");
        Browser browser = browser().registerAndLogIn(username);

        MvcTestResult created = browser.post("/api/posts", "{\"body\": \"my first post\"}");

        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.author").isEqualTo(username);
        // Read on a replica, which the read-your-writes cookie makes wait for the post.
        assertThat(browser.get("/api/posts/" + idOf(created))).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("{\"body\": \"my first post\", \"author\": \"" + username + "\"}");
    }

    @Test
    void shouldAnswerAnUnknownPostWith404() {
        assertThat(browser().get("/api/posts/999999999"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("{\"detail\": \"No post with id 999999999.\"}");
    }

    @Test
    void shouldEditOnesOwnPost() {
        Browser browser = browser().registerAndLogIn(unique("peggy"));
        long id = idOf(browser.post("/api/posts", "{\"body\": \"draft\"}"));

        MvcTestResult edited = browser.put("/api/posts/" + id, "{\"body\": \"final\", \"version\": 0}");

        assertThat(edited).hasStatusOk().bodyJson().isLenientlyEqualTo("{\"body\": \"final\", \"version\": 1}");
        assertThat(edited).bodyJson().extractingPath("$.editedAt").isNotNull();
        assertThat(browser.get("/api/posts/" + id)).bodyJson().extractingPath("$.body").isEqualTo("final");
    }

    @Test
    void shouldRefuseAnEditFromAStaleVersionWith409() {
        Browser browser = browser().registerAndLogIn(unique("quinn"));
        long id = idOf(browser.post("/api/posts", "{\"body\": \"v0\"}"));
        assertThat(browser.put("/api/posts/" + id, "{\"body\": \"v1\", \"version\": 0}")).hasStatusOk();

        assertThat(browser.put("/api/posts/" + id, "{\"body\": \"lost update\", \"version\": 0}"))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("was changed since you read it");
        assertThat(browser.get("/api/posts/" + id)).bodyJson().extractingPath("$.body").isEqualTo("v1");
    }

    @Test
    void shouldRefuseToEditOrDeleteSomeoneElsesPostWith403() {
        long id = idOf(browser().registerAndLogIn(unique("rupert")).post("/api/posts", "{\"body\": \"mine\"}"));
        Browser other = browser().registerAndLogIn(unique("sybil"));

        assertThat(other.put("/api/posts/" + id, "{\"body\": \"yours now\", \"version\": 0}"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail")
                .isEqualTo("Post " + id + " is not yours: only its author may change it.");
        assertThat(other.delete("/api/posts/" + id)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldRefuseToEditAGuestPostWith403() {
        long id = idOf(browser().post("/api/posts", "{\"body\": \"nobody's\"}"));

        assertThat(browser().registerAndLogIn(unique("trent")).put("/api/posts/" + id,
                "{\"body\": \"mine now\", \"version\": 0}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldAskForALogInToEditOrDeleteWith401() {
        long id = idOf(browser().post("/api/posts", "{\"body\": \"guest\"}"));

        assertThat(browser().put("/api/posts/" + id, "{\"body\": \"x\", \"version\": 0}"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .doesNotContainHeader("WWW-Authenticate");
        assertThat(browser().delete("/api/posts/" + id)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(browser().delete("/api/posts/999999999")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldDeleteOnesOwnPost() {
        Browser browser = browser().registerAndLogIn(unique("ursula"));
        long id = idOf(browser.post("/api/posts", "{\"body\": \"short-lived\"}"));

        assertThat(browser.delete("/api/posts/" + id)).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(browser.get("/api/posts/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(browser.delete("/api/posts/" + id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(browser.put("/api/posts/" + id, "{\"body\": \"x\", \"version\": 0}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseAnEditWithoutAVersionOrWithAnOverlongBody() {
        Browser browser = browser().registerAndLogIn(unique("victor"));
        long id = idOf(browser.post("/api/posts", "{\"body\": \"x\"}"));

        assertThat(browser.put("/api/posts/" + id, "{\"body\": \"y\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("version");
        assertThat(browser.put("/api/posts/" + id, "{\"body\": \"" + "y".repeat(10_001) + "\", \"version\": 0}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().isLenientlyEqualTo("""
                        {"errors": [{"field": "body", "message": "must be at most 10000 characters"}]}""");
    }

    @Test
    void shouldListAUsersPostsNewestFirstWithANextLink() {
        String username = unique("walter");
        Browser browser = browser().registerAndLogIn(username);
        long first = idOf(browser.post("/api/posts", "{\"body\": \"one\"}"));
        long second = idOf(browser.post("/api/posts", "{\"body\": \"two\"}"));
        long third = idOf(browser.post("/api/posts", "{\"body\": \"three\"}"));
        browser().post("/api/posts", "{\"body\": \"a guest's, not on the page\"}");

        MvcTestResult page = browser.get("/api/users/" + username + "/posts?limit=2");

        assertThat(page).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray()
                .containsExactly((int) third, (int) second);
        assertThat(page).hasHeader("Link", "</api/users/" + username + "/posts?before=" + second
                + "&limit=2>; rel=\"next\"");
        MvcTestResult last = browser.get("/api/users/" + username + "/posts?limit=2&before=" + second);
        assertThat(last).bodyJson().extractingPath("$[*].id").asArray().containsExactly((int) first);
        assertThat(last).doesNotContainHeader("Link");
    }

    @Test
    void shouldAnswerAnUnknownUsersPageWith404() {
        assertThat(browser().get("/api/users/" + unique("nobody") + "/posts"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldPageTheTimelineByKeyset() {
        Browser browser = browser();
        long a = idOf(browser.post("/api/posts", "{\"body\": \"a\"}"));
        long b = idOf(browser.post("/api/posts", "{\"body\": \"b\"}"));
        long c = idOf(browser.post("/api/posts", "{\"body\": \"c\"}"));

        MvcTestResult page = browser.get("/api/posts?limit=2&before=" + (c + 1));

        assertThat(page).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray()
                .containsExactly((int) c, (int) b);
        assertThat(page).hasHeader("Link", "</api/posts?before=" + b + "&limit=2>; rel=\"next\"");
        assertThat(browser.get("/api/posts?limit=1&before=" + b)).bodyJson().extractingPath("$[0].id")
                .isEqualTo((int) a);
    }

    @Test
    void shouldSearchByEveryWordAsAPrefix() {
        String word = "zebra" + unique("w").replace("-", "");
        Browser browser = browser();
        long both = idOf(browser.post("/api/posts", "{\"body\": \"The " + word + " crossed the replication stream\"}"));
        idOf(browser.post("/api/posts", "{\"body\": \"The " + word + " stayed home\"}"));
        long later = idOf(browser.post("/api/posts", "{\"body\": \"Another " + word + "s replicated\"}"));

        MvcTestResult found = browser.perform(MockMvcRequestBuilders.get("/api/posts").param("q", word + " replicat"));

        assertThat(found).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray()
                .containsExactly((int) later, (int) both);
    }

    @Test
    void shouldPageASearchWithTheQueryInTheNextLink() {
        String word = "yak" + unique("w").replace("-", "");
        Browser browser = browser();
        idOf(browser.post("/api/posts", "{\"body\": \"" + word + " one\"}"));
        long second = idOf(browser.post("/api/posts", "{\"body\": \"" + word + " two\"}"));
        idOf(browser.post("/api/posts", "{\"body\": \"" + word + " three\"}"));

        MvcTestResult page = browser.perform(MockMvcRequestBuilders.get("/api/posts").param("limit", "2")
                .param("q", word + "+&"));

        assertThat(page).hasHeader("Link", "</api/posts?before=" + second + "&limit=2&q=" + word
                + "%2B%26>; rel=\"next\"");
        assertThat(browser.get("/api/posts?limit=2&before=" + second + "&q=" + word)).bodyJson()
                .extractingPath("$.length()").isEqualTo(1);
    }

    @Test
    void shouldTreatSqlAndSearchOperatorsInAQueryAsText() {
        Browser browser = browser();
        for (String query : List.of("' OR 1=1 --", "\"unbalanced", "@distance 3", "x'); DROP TABLE post; --",
                "+-~<>()*", "a", "")) {
            assertThat(browser.perform(MockMvcRequestBuilders.get("/api/posts").param("q", query)))
                    .as(query).hasStatusOk();
        }
        assertThat(browser.get("/api/posts?limit=1")).hasStatusOk().bodyJson().extractingPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void shouldStoreMarkupVerbatimAndReturnItAsAJsonString() {
        String body = "<script>alert('x')</script><img src=x onerror=alert(1)> & \\\"quoted\\\"";
        Browser browser = browser();

        MvcTestResult created = browser.post("/api/posts", "{\"body\": \"" + body + "\"}");

        assertThat(created).hasStatus(HttpStatus.CREATED).hasContentType(MediaType.APPLICATION_JSON);
        assertThat(browser.get("/api/posts/" + idOf(created))).bodyJson().extractingPath("$.body")
                .isEqualTo("<script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\"");
    }

    @Test
    void shouldAnswerAWrongMethodWith405AndAnUnknownPathWith404() {
        assertThat(browser().send(HttpMethod.PATCH, "/api/posts/1", "{}"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(browser().get("/api/nothing-here"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseAPostThatIsNotJsonWith415() {
        assertThat(browser().perform(MockMvcRequestBuilders.post("/api/posts").contentType(MediaType.TEXT_PLAIN)
                .content("hello")))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseADeclaredBodyOverTheLimitWith413() {
        assertThat(browser().post("/api/posts", "{\"body\": \"" + "a".repeat(70_000) + "\"}"))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldNameTheReplicaForAReadAndThePrimaryForAWrite() {
        Browser browser = browser();

        assertThat(browser.post("/api/posts", "{\"body\": \"where\"}")).hasHeader("X-DB-Node", "db-primary");
        browser.forget("foobar-gtid");
        assertThat(browser.get("/api/posts?limit=1")).hasHeader("X-DB-Node", "db-replica-1");
    }
}
