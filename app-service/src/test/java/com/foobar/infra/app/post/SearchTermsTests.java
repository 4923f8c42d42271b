package com.foobar.infra.app.post;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTests {

    @Test
    void shouldRequireEveryWordAsAPrefix() {
        assertThat(SearchTerms.booleanMode("Replica lag")).hasValue("+replica* +lag*");
    }

    @Test
    void shouldKeepOnlyWordsOfTheQuery() {
        assertThat(SearchTerms.booleanMode("\"gateway\" -(failover) @3 ~tls <>"))
                .hasValue("+gateway* +failover* +tls*");
        assertThat(SearchTerms.booleanMode("x'); DROP TABLE post; --")).hasValue("+drop* +table* +post*");
    }

    @Test
    void shouldLeaveOutWordsTooShortToBeIndexedAndRepeatedWords() {
        assertThat(SearchTerms.booleanMode("a db is down, down")).hasValue("+down*");
        assertThat(SearchTerms.booleanMode("' OR 1=1 --")).isEmpty();
    }

    @Test
    void shouldKeepLettersOfAnyAlphabet() {
        assertThat(SearchTerms.booleanMode("réplica données")).hasValue("+réplica* +données*");
    }

    @Test
    void shouldUseAtMostTenWords() {
        assertThat(SearchTerms.booleanMode("one two six ten aaa bbb ccc ddd eee fff ggg hhh").orElseThrow()
                .split(" ")).hasSize(10);
    }
}
