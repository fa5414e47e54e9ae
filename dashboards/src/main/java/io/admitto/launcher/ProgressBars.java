package io.admitto.launcher;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import static java.util.Objects.requireNonNull;

/**
 * Progress bars for long work. On a terminal they redraw in place; without one (CI logs, pipes) they
 * print a plain line every few seconds instead of a stream of carriage returns.
 */
final class ProgressBars {
    private final Console console;
    private final boolean interactive;

    ProgressBars(Console console) {
        this.console = requireNonNull(console, "console is null");
        this.interactive = System.console() != null;
    }

    ProgressBar start(String task, long max, String unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII);
        if (interactive) {
            builder.setUpdateIntervalMillis(250);
        }
        else {
            builder.setUpdateIntervalMillis(5_000).setConsumer(new DelegatingProgressBarConsumer(console::info));
        }
        return builder.build();
    }
}
