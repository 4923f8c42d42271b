package com.foobar.infra.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostTextTests {

    @Test
    void shouldSearchForTheFirstLongWordOfAPost() {
        assertThat(PostText.searchTerm("A short Post about caching")).isEqualTo("short");
        assertThat(PostText.searchTerm("Élan vital")).isEqualTo("élan");
    }

    @Test
    void shouldSearchForSomethingWhenThereIsNoWord() {
        assertThat(PostText.searchTerm("1 2 3 :)")).isEqualTo("post");
        assertThat(PostText.searchTerm(null)).isEqualTo("post");
    }

}
