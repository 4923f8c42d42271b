/**
 * Demo data for demos and load tests: a one-off run that creates users and posts, then exits.
 */
@NullMarked
package com.foobar.infra.app.seed;

import org.jspecify.annotations.NullMarked;
