/**
 * Strict reading of the API's JSON bodies, and the problems that name what was refused.
 */
@NullMarked
package com.foobar.infra.app.json;

import org.jspecify.annotations.NullMarked;
