package com.foobar.infra.app.post;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The posts API: create a post, read one by id, list them newest first with keyset pagination.
 *
 * <p>Invalid input is rejected with a 400 problem before the database is touched.
 */
@RestController
@RequestMapping("/api/posts")
class PostController {

    private final PostService posts;

    PostController(PostService posts) {
        this.posts = posts;
    }

    @PostMapping
    ResponseEntity<PostResponse> create(@Valid @RequestBody CreatePostRequest request) {
        PostResponse post = PostResponse.of(this.posts.create(request.body()));
        return ResponseEntity.created(URI.create("/api/posts/" + post.id())).body(post);
    }

    @GetMapping("/{id}")
    PostResponse get(@PathVariable long id) {
        return PostResponse.of(this.posts.get(id));
    }

    @GetMapping
    List<PostResponse> list(@RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return this.posts.list(before, limit).stream().map(PostResponse::of).toList();
    }
}
