/**
 * The application tier of www.foobar.com: the posts API.
 */
@NullMarked
package com.foobar.infra.app;

import org.jspecify.annotations.NullMarked;
