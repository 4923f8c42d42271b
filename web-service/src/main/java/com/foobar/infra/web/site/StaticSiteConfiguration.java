package com.foobar.infra.web.site;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistration;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Serves the static site the way nginx serves a built front end: hashed assets under {@code /assets/} are cached for a
 * year and never revalidated, everything else (the pages, and the files under their plain names) is revalidated on
 * every use; every file carries an ETag and a Last-Modified date and answers conditional requests with {@code 304},
 * and a client that accepts brotli or gzip gets the variant the build made ahead of time.
 *
 * <p>The files are what the {@code site-assets} build step wrote from {@code src/main/resources/static}; this class
 * only decides how they are sent. It replaces Spring Boot's own {@code /**} mapping
 * ({@code spring.web.resources.add-mappings: false}), which has one cache policy for every file.
 */
@Configuration(proxyBeanMethods = false)
class StaticSiteConfiguration implements WebFluxConfigurer {

    /** Where the build puts the hashed copies, as {@code AssetPipeline} names them. */
    private static final String HASHED_ASSETS = "assets/";

    // Immutable: the name changes with the content, so a browser need not even revalidate on reload.
    private static final CacheControl HASHED_ASSET_CACHING = CacheControl.maxAge(Duration.ofDays(365))
            .cachePublic()
            .immutable();

    // No-cache is "store, but ask first": a deploy shows at once, and the ETag makes asking cost a 304.
    private static final CacheControl PAGE_CACHING = CacheControl.noCache();

    // Spring's defaults name no charset; the site's text files are all UTF-8, as nginx's "charset utf-8" says.
    private static final Map<String, MediaType> UTF8_TEXT_TYPES = Map.of(
            "html", new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8),
            "css", new MediaType("text", "css", StandardCharsets.UTF_8),
            "js", new MediaType("text", "javascript", StandardCharsets.UTF_8));

    private final String[] locations;

    private final ContentHashEtags etags = new ContentHashEtags();

    private final StaticSiteFiles files;

    StaticSiteConfiguration(WebProperties webProperties) {
        this.locations = webProperties.getResources().getStaticLocations();
        this.files = new StaticSiteFiles(this.locations);
    }

    @Bean
    StaticSiteFiles staticSiteFiles() {
        return this.files;
    }

    @Bean
    PagePathWebFilter pagePathWebFilter(StaticSiteFiles files) {
        return new PagePathWebFilter(files);
    }

    @Bean
    RangeRequestWebFilter rangeRequestWebFilter() {
        return new RangeRequestWebFilter();
    }

    @Bean
    VaryByEncodingWebFilter varyByEncodingWebFilter(StaticSiteFiles files) {
        return new VaryByEncodingWebFilter(files);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String[] hashedLocations = Arrays.stream(this.locations).map(location -> location + HASHED_ASSETS)
                .toArray(String[]::new);
        serve(registry.addResourceHandler("/" + HASHED_ASSETS + "**").addResourceLocations(hashedLocations),
                HASHED_ASSET_CACHING);
        serve(registry.addResourceHandler("/**").addResourceLocations(this.locations), PAGE_CACHING);
    }

    private void serve(ResourceHandlerRegistration registration, CacheControl caching) {
        registration.setMediaTypes(UTF8_TEXT_TYPES);
        registration.setCacheControl(caching)
                .setEtagGenerator(this.etags)
                .setUseLastModified(true)
                // No resolver cache: its key would not tell "gzip;q=0, br" from "gzip, br".
                .resourceChain(false)
                .addResolver(new PrecompressedResourceResolver())
                .addResolver(new InMemoryResourceResolver(this.files));
    }
}
