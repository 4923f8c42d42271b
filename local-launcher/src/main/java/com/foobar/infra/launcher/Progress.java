package com.foobar.infra.launcher;

import java.io.PrintStream;

/** Prints what a command is doing, each line stamped with the seconds since the command began. */
final class Progress {

    private final PrintStream out;

    private final long start = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    synchronized void step(String format, Object... args) {
        this.out.printf("[%5.1fs] %s%n", elapsedSeconds(), String.format(format, args));
        this.out.flush();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - this.start) / 1e9;
    }

}
