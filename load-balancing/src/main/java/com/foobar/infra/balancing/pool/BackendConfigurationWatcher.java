package com.foobar.infra.balancing.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Reloads the backend groups when the balancing configuration file changes, without a restart: an operator adds or
 * removes a server by editing the file.
 *
 * <p>It does nothing when the groups come from the application's configuration rather than a file. The file's
 * modification time is polled (a watch service misses edits made through a replaced symlink, which is
 * how Kubernetes updates a mounted ConfigMap). A file that does not load is reported and ignored: the application keeps
 * balancing over the groups it has, as HAProxy keeps running when a reload's configuration check fails.
 */
public class BackendConfigurationWatcher implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(BackendConfigurationWatcher.class);

    private final BackendGroupsLoader loader;

    private final BackendGroupRegistry registry;

    private final @Nullable Path file;

    private final Duration pollInterval;

    private @Nullable ScheduledExecutorService executor;

    private @Nullable FileTime loaded;

    public BackendConfigurationWatcher(BackendGroupsLoader loader, BackendGroupRegistry registry,
            Duration pollInterval) {
        this.loader = loader;
        this.registry = registry;
        this.file = loader.file();
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void start() {
        if (this.file == null) {
            return;
        }
        this.loaded = modified();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("balancing-config-watcher").daemon().factory());
        long period = this.pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::reloadIfChanged, period, period, TimeUnit.MILLISECONDS);
        this.executor = poller;
    }

    @Override
    public synchronized void stop() {
        if (this.executor != null) {
            this.executor.shutdownNow();
            this.executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return this.executor != null;
    }

    synchronized void reloadIfChanged() {
        FileTime modified = modified();
        if (modified == null || modified.equals(this.loaded)) {
            return;
        }
        this.loaded = modified;
        try {
            this.registry.apply(this.loader.load());
            logger.info("Reloaded the backend groups from {}", this.file);
        }
        catch (RuntimeException ex) {
            logger.error("Kept the current backend groups: {} does not load: {}", this.file, describe(ex));
        }
    }

    private @Nullable FileTime modified() {
        if (this.file == null) {
            return null;
        }
        try {
            return Files.getLastModifiedTime(this.file);
        }
        catch (IOException ex) {
            return null;
        }
    }

    private static String describe(Throwable ex) {
        StringBuilder message = new StringBuilder(String.valueOf(ex.getMessage()));
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString();
    }
}
