/**
 * Accounts: registration and the users' stored credentials.
 */
@NullMarked
package com.foobar.infra.app.account;

import org.jspecify.annotations.NullMarked;
