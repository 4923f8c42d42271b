package com.foobar.infra.problem;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this tier words its error responses, bound from {@code foobar.problems.*}.
 *
 * @param upstream the name, as clients read it, of the tier behind this one, for example {@code application server};
 *     it names who refused or dropped the connection ({@code 502}) or did not answer in time ({@code 504})
 * @param self this tier's name, for example {@code gateway}; it names who could not complete the request
 *     ({@code 500})
 * @param htmlErrorPages whether a browser's page request (not under {@code /api/}, accepting {@code text/html}) is
 *     passed on to Spring Boot's error handler, which shows the site's HTML error page ({@code true}), or is answered
 *     with a problem detail like any other request ({@code false}, the default)
 */
@Validated
@ConfigurationProperties("foobar.problems")
public record ProblemResponsesProperties(@DefaultValue("upstream server") @NotBlank String upstream,
        @DefaultValue("server") @NotBlank String self, @DefaultValue("false") boolean htmlErrorPages) {
}
