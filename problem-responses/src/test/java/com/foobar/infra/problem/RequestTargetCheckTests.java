package com.foobar.infra.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTargetCheckTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/posts | q=%ff | The request query has percent-encoded bytes that are not UTF-8.",
        "/api/posts | q=%c0%af | The request query has percent-encoded bytes that are not UTF-8.",
        "/api/posts | q=%zz | The request query has bad percent-encoding: '%' must be followed by two hex digits.",
        "/api/posts | q=% | The request query has bad percent-encoding: '%' must be followed by two hex digits.",
        "/api/posts | q=a%00b | The request query has an encoded control character (%00).",
        "/api/posts/%00 | | The request path has an encoded control character (%00).",
        "/a%0d%0aSet-Cookie: | | The request path has an encoded control character (%0d).",
        "/static/..%2f..%2fetc/passwd | | The request path has an encoded slash or backslash (%2f).",
        "/static/..%5cwin.ini | | The request path has an encoded slash or backslash (%5c).",
        "/static/%2e%2e/etc/passwd | | The request path has a dot-segment (%2e%2e).",
        "/static/../etc/passwd | | The request path has a dot-segment (..).",
        "/%ff | | The request path has percent-encoded bytes that are not UTF-8." })
    void shouldNameWhatIsWrongWithAMalformedTarget(String path, String query, String problem) {
        assertThat(RequestTargetCheck.problem(path, query)).isEqualTo(problem);
    }

    @Test
    void shouldAcceptValidTargets() {
        assertThat(RequestTargetCheck.problem("/api/posts", "limit=5&before=10")).isNull();
        assertThat(RequestTargetCheck.problem("/api/posts", "q=caf%C3%A9+cr%C3%A8me%0A")).isNull();
        assertThat(RequestTargetCheck.problem("/users/%E2%9C%93/posts", null)).isNull();
        assertThat(RequestTargetCheck.problem("/.well-known/security.txt", null)).isNull();
        assertThat(RequestTargetCheck.problem("/assets/app.3f2a.js", null)).isNull();
        assertThat(RequestTargetCheck.problem("/", "")).isNull();
    }
}
