package io.admitto.launcher;

import java.io.PrintStream;
import java.net.URI;

import static java.util.Objects.requireNonNull;

/** What the launcher tells the person at the terminal; logs go to a file, this goes to stdout. */
final class Console {
    private final PrintStream out;

    Console(PrintStream out) {
        this.out = requireNonNull(out, "out is null");
    }

    void info(String message) {
        out.println(message);
        out.flush();
    }

    /** The line the README, the tests and users' scripts wait for. */
    void ready(URI uri) {
        info("Admitto is ready at " + uri);
    }
}
