/**
 * The balancing algorithms a backend group can choose: round robin, weighted round robin, least connections and
 * consistent hashing of the client address.
 */
@NullMarked
package com.foobar.infra.balancing.balancer;

import org.jspecify.annotations.NullMarked;
