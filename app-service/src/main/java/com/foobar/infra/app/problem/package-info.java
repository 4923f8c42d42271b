/**
 * RFC 9457 problem details for every error the API returns.
 */
@NullMarked
package com.foobar.infra.app.problem;

import org.jspecify.annotations.NullMarked;
