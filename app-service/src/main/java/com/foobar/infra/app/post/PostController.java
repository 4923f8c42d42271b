package com.foobar.infra.app.post;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.foobar.infra.app.security.AccountPrincipal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The posts API: create, read, edit and delete a post; list them newest first with keyset pagination, or search
 * them.
 *
 * <p>Invalid input is rejected with a 400 problem before the database is touched. Who may do what is decided by
 * the security chain (logged in for edit and delete, and for posting when guest posts are off) and, for whose
 * post it is, by {@link PostService}.
 */
@RestController
@RequestMapping("/api/posts")
class PostController {

    private final PostService posts;

    PostController(PostService posts) {
        this.posts = posts;
    }

    @PostMapping
    ResponseEntity<PostResponse> create(@Valid @RequestBody CreatePostRequest request,
            @AuthenticationPrincipal @Nullable AccountPrincipal user) {
        PostResponse post = this.posts.create(request.body(), (user != null) ? user.id() : null);
        return ResponseEntity.created(URI.create("/api/posts/" + post.id())).body(post);
    }

    @GetMapping("/{id}")
    PostResponse get(@PathVariable long id) {
        return this.posts.get(id);
    }

    @PutMapping("/{id}")
    PostResponse edit(@PathVariable long id, @Valid @RequestBody EditPostRequest request,
            @AuthenticationPrincipal AccountPrincipal user) {
        return this.posts.edit(id, user.id(), request.body(), request.version());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user) {
        this.posts.delete(id, user.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    ResponseEntity<List<PostResponse>> list(@RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 200) String q, HttpServletRequest request) {
        String query = StringUtils.hasText(q) ? q : null;
        List<PostResponse> page = (query != null) ? this.posts.search(query, before, limit)
                : this.posts.list(before, limit);
        return PostPages.response(request, page, limit, query);
    }
}
