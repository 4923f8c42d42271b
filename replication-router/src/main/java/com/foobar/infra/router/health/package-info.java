/**
 * Replica health: a background check of each replica (reachable, replicating, lag) and the HAProxy-style
 * rise/fall state that decides whether the router may send reads to it.
 */
@NullMarked
package com.foobar.infra.router.health;

import org.jspecify.annotations.NullMarked;
