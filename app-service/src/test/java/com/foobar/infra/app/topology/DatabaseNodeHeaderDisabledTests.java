package com.foobar.infra.app.topology;

import com.foobar.infra.app.account.AccountService;
import com.foobar.infra.app.post.PostService;
import com.foobar.infra.app.security.ApiSecuritySlice;
import com.foobar.infra.router.routing.DatabaseNodeListener;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(properties = "foobar.topology.headers-enabled=false")
@Import({ RequestDatabaseNodeListener.class, ApiSecuritySlice.class })
class DatabaseNodeHeaderDisabledTests {

    @Autowired
    private ApplicationContext context;

    @MockitoBean
    private PostService posts;

    @MockitoBean
    private AccountService accounts;

    @Test
    void shouldNeitherRecordNorWriteTheDatabaseNode() {
        assertThat(this.context.getBeanNamesForType(DatabaseNodeListener.class)).isEmpty();
        assertThat(this.context.getBeanNamesForType(DatabaseNodeHeaderAdvice.class)).isEmpty();
    }
}
