/**
 * Spring Security for the JSON API: authentication, CSRF, and 401/403 as problem details.
 */
@NullMarked
package com.foobar.infra.app.security;

import org.jspecify.annotations.NullMarked;
