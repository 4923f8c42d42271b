package com.foobar.infra.app.account;

/**
 * The JSON form of a user, as registration and the session API return it.
 *
 * @param username the user's name
 */
public record UserResponse(String username) {
}
