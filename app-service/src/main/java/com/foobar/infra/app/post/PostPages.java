package com.foobar.infra.app.post;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The response of a page of posts: the posts as a JSON array and, when more may follow, a
 * {@code Link: <...>; rel="next"} header to the same list older than the page's last post.
 *
 * <p>A full page gets the link, since more posts may follow; a client stops at a page without one (or, rarely,
 * at an empty page after a full one). The link is relative, as the client called the list.
 */
final class PostPages {

    private PostPages() {
    }

    /**
     * @param request the list's request, whose path the link repeats
     * @param page the page, newest first
     * @param limit the page size asked for
     * @param query the search, if the page is one
     * @return the response
     */
    static ResponseEntity<List<PostResponse>> response(HttpServletRequest request, List<PostResponse> page,
            int limit, @Nullable String query) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.size() == limit) {
            response.header(HttpHeaders.LINK, "<" + next(request.getRequestURI(), page.getLast().id(), limit, query)
                    + ">; rel=\"next\"");
        }
        return response.body(page);
    }

    private static String next(String path, long before, int limit, @Nullable String query) {
        UriComponentsBuilder next = UriComponentsBuilder.fromPath(path)
                .queryParam("before", before)
                .queryParam("limit", limit);
        if (query == null) {
            return next.build().toUriString();
        }
        // A template variable is encoded strictly, so that a '+' or '&' in the query stays itself.
        return next.queryParam("q", "{q}").encode().buildAndExpand(query).toUriString();
    }
}
