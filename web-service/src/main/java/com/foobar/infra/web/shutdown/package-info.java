/**
 * Leaving the gateways' rotation before the web server stops accepting connections.
 */
@NullMarked
package com.foobar.infra.web.shutdown;

import org.jspecify.annotations.NullMarked;
