/**
 * Posts: the stored messages the API creates, reads and lists.
 */
@NullMarked
package com.foobar.infra.app.post;

import org.jspecify.annotations.NullMarked;
