/**
 * The web tier (the seeds' Nginx): serves the static site and forwards {@code /api/**} to its application server.
 */
@NullMarked
package com.foobar.infra.web;

import org.jspecify.annotations.NullMarked;
