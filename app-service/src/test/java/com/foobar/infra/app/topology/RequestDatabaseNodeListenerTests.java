package com.foobar.infra.app.topology;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RequestDatabaseNodeListenerTests {

    private final RequestDatabaseNodeListener listener = new RequestDatabaseNodeListener();

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void shouldRecordTheNodesOfTheCurrentRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        this.listener.connectionObtained("db-replica-1");
        this.listener.connectionObtained("db-replica-1");
        this.listener.connectionObtained("db-primary");

        assertThat(RequestDatabaseNodeListener.nodesOf(request)).containsExactly("db-replica-1", "db-primary");
    }

    @Test
    void shouldKeepRequestsApart() {
        MockHttpServletRequest first = new MockHttpServletRequest();
        MockHttpServletRequest second = new MockHttpServletRequest();

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(first));
        this.listener.connectionObtained("db-primary");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(second));
        this.listener.connectionObtained("db-replica-2");

        assertThat(RequestDatabaseNodeListener.nodesOf(first)).containsExactly("db-primary");
        assertThat(RequestDatabaseNodeListener.nodesOf(second)).containsExactly("db-replica-2");
    }

    @Test
    void shouldIgnoreConnectionsOutsideARequest() {
        assertThatNoException().isThrownBy(() -> this.listener.connectionObtained("db-primary"));
    }

    @Test
    void shouldReportNoNodeForARequestThatDidNotTouchTheDatabase() {
        assertThat(RequestDatabaseNodeListener.nodesOf(new MockHttpServletRequest())).isEmpty();
    }
}
