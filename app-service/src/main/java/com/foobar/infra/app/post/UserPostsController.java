package com.foobar.infra.app.post;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's page: their posts, newest first, with the same keyset pagination as the timeline.
 */
@RestController
class UserPostsController {

    private final PostService posts;

    UserPostsController(PostService posts) {
        this.posts = posts;
    }

    @GetMapping("/api/users/{username}/posts")
    ResponseEntity<List<PostResponse>> list(@PathVariable String username,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, HttpServletRequest request) {
        return PostPages.response(request, this.posts.listByAuthor(username, before, limit), limit, null);
    }
}
