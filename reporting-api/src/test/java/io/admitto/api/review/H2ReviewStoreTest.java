package io.admitto.api.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded review store: H2 in file mode under the API's state directory. */
final class H2ReviewStoreTest
        extends ReviewStoreContract
{
    @TempDir
    Path temp;

    @Override
    protected ReviewStoreConfig freshDatabase()
            throws Exception
    {
        return ReviewStoreConfig.embedded(Files.createTempDirectory(temp, "state"));
    }

    /**
     * H2 writes commits to its file in the background; without the store's CHECKPOINT SYNC this fails
     * (the JVM halted right after decide() leaves an empty table behind).
     */
    @Test
    void aStoredDecisionIsOnDiskWhenDecideReturns()
            throws Exception
    {
        Path other = temp.resolve("halted");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DecideThenHaltMain.class.getName(), other.toString(), "E5")
                .inheritIO()
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        try (JdbcReviewStore reopened = JdbcReviewStore.open(ReviewStoreConfig.embedded(other))) {
            assertThat(reopened.state("E5").history()).extracting(ReviewDecision::note).containsExactly("halted");
        }
    }
}
