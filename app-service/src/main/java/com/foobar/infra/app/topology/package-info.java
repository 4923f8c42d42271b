/**
 * Reports which database node served a request, in the X-DB-Node response header.
 */
@NullMarked
package com.foobar.infra.app.topology;

import org.jspecify.annotations.NullMarked;
