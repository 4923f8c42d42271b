package com.foobar.infra.router.config;

import com.foobar.infra.router.config.ReplicationRouterProperties.ReadYourWrites;
import com.foobar.infra.router.consistency.GtidCookieCodec;
import com.foobar.infra.router.consistency.ReadYourWritesContext;
import com.foobar.infra.router.consistency.ReadYourWritesFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configuration of the read-your-writes cookie in servlet applications, as a {@link ReadYourWritesFilter} over
 * the router's {@link ReadYourWritesContext}.
 *
 * <p>Applies only where {@link ReplicationRouterAutoConfiguration} did and read-your-writes is enabled. The cookie
 * is signed with the key {@link ReadYourWritesCookieKey} gives.
 */
@AutoConfiguration(after = ReplicationRouterAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
@ConditionalOnBooleanProperty(name = "foobar.datasource.read-your-writes.enabled", matchIfMissing = true)
// Not there when the router backed off for an application's own DataSource.
@ConditionalOnBean(ReadYourWritesContext.class)
public final class ReadYourWritesWebAutoConfiguration {

    @Bean
    ReadYourWritesFilter readYourWritesFilter(ReplicationRouterProperties properties, ReadYourWritesContext context) {
        ReadYourWrites settings = properties.readYourWrites();
        return new ReadYourWritesFilter(context, new GtidCookieCodec(ReadYourWritesCookieKey.of(properties)),
                settings.cookieName(), settings.cookieMaxAge());
    }

}
