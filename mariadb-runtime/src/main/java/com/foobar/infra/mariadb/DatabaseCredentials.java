package com.foobar.infra.mariadb;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The accounts a topology's database servers are set up with: an administrator local to each server, the
 * application's account and the account replicas use to read the primary's binlog.
 *
 * <p>{@link #toString()} never shows a password, so a record that reaches a log leaks nothing.
 */
public record DatabaseCredentials(String database, String adminUser, String adminPassword, String appUser,
        String appPassword, String replicationUser, String replicationPassword) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /** Names and passwords are spliced into SQL, so they are limited to characters that need no quoting. */
    public DatabaseCredentials {
        List<String> values = List.of(database, adminUser, adminPassword, appUser, appPassword, replicationUser,
                replicationPassword);
        for (String value : values) {
            if (!SAFE.matcher(value).matches()) {
                throw new IllegalArgumentException(
                        "Database names, users and passwords may only use letters, digits and '_' (1 to 64)");
            }
        }
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[database=" + this.database + ", adminUser=" + this.adminUser + ", appUser="
                + this.appUser + ", replicationUser=" + this.replicationUser + ", passwords hidden]";
    }

}
