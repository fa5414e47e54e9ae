package io.admitto.launcher;

import io.admitto.ingest.generator.GeneratorConfig;
import io.admitto.ingest.generator.GeneratorRun;
import io.admitto.ingest.generator.GroundTruth;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code admitto generate}: the synthetic health system to NDJSON files, with its ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a synthetic health system's events: one NDJSON file per topic and truth.json "
                + "(injected defects and the KPI values the jobs must compute).")
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    GeneratorOptions generator;

    @Option(names = "--out", required = true, description = "Folder to write to (created if missing).")
    Path out;

    @Override
    public Integer call() {
        Console console = new Console(System.out);
        GeneratorConfig config = generator.toConfig();
        long started = System.nanoTime();
        GroundTruth truth;
        try (ProgressBar bar = new ProgressBars(console).start("Generating", config.days(), "days")) {
            truth = GeneratorRun.toDirectory(config, out, (events, plannedThrough) -> {
                bar.stepTo(Math.min(config.days(), ChronoUnit.DAYS.between(config.startDate(), plannedThrough) + 1));
                bar.setExtraMessage(" " + events + " events");
            });
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        console.info(Summaries.generated(truth, elapsed));
        console.info("Wrote " + out.toAbsolutePath() + " (" + GeneratorRun.TRUTH_FILE + " holds the ground truth)");
        return 0;
    }
}
