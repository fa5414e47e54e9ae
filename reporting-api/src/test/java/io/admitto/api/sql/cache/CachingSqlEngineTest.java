package io.admitto.api.sql.cache;

import io.admitto.api.sql.AnalyticsQueryException;
import io.admitto.api.sql.DuckDbSqlEngine;
import io.admitto.api.sql.RowReader;
import io.admitto.api.sql.SqlQuery;
import io.admitto.api.testing.CountingSqlEngine;
import io.admitto.api.testing.JobWrittenWarehouse;
import io.admitto.tables.TableSchema;
import io.admitto.tables.Tables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.admitto.tables.Tables.DEPARTMENT_HOURLY;
import static io.admitto.tables.Tables.WAIT_TIMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The answer cache over real DuckDB and Parquet the jobs wrote: an answer is reused while the tables it
 * read are unchanged and computed again once a commit changes one of them.
 */
@ExtendWith(JobWrittenWarehouse.class)
class CachingSqlEngineTest
{
    private static final RowReader<Long> COUNT = row -> row.getLong("n");

    // long after the copies were written: every folder counts as settled
    private static final Clock LATER = Clock.fixed(Instant.now().plusSeconds(3_600), ZoneOffset.UTC);

    @TempDir
    Path warehouse;

    @TempDir
    Path aside;

    private List<Path> heldBackPartitions;
    private CountingSqlEngine duckDb;
    private WarehouseTableVersions versions;
    private CachingSqlEngine cached;

    @BeforeEach
    void copyTwoTablesHoldingBackOnePartition(JobWrittenWarehouse.Warehouse jobWritten)
            throws IOException
    {
        WarehouseCopies.copy(jobWritten.root(), warehouse, WAIT_TIMES);
        List<Path> partitions = WarehouseCopies.copy(jobWritten.root(), warehouse, DEPARTMENT_HOURLY);
        Path last = partitions.get(partitions.size() - 1);
        Path heldBack = aside.resolve(last.getFileName());
        Files.move(last, heldBack);
        heldBackPartitions = List.of(heldBack);

        duckDb = new CountingSqlEngine(DuckDbSqlEngine.open(warehouse));
        versions = WarehouseTableVersions.manual(warehouse, Tables.all(), LATER);
        cached = new CachingSqlEngine(duckDb, versions, 10_000);
    }

    @AfterEach
    void close()
    {
        cached.close();
    }

    @Test
    void aRepeatedQueryIsAnsweredFromMemoryWithoutRunningIt()
    {
        List<Long> first = cached.query(registrations(), COUNT);
        List<Long> second = cached.query(registrations(), COUNT);

        assertThat(second).isSameAs(first);
        assertThat(duckDb.statements()).isEqualTo(1L);
        assertThat(first.get(0)).isPositive();
    }

    @Test
    void aCommitToTheTableIsSeenAtTheNextLookAndTheAnswerIsComputedAgain()
            throws IOException
    {
        long before = cached.query(registrations(), COUNT).get(0);
        Path partition = heldBackPartitions.get(0);
        Files.move(partition, warehouse.resolve(DEPARTMENT_HOURLY.name()).resolve(partition.getFileName()));

        assertThat(cached.query(registrations(), COUNT).get(0)).as("until the folders are looked at again").isEqualTo(before);
        versions.refresh();
        long after = cached.query(registrations(), COUNT).get(0);

        assertThat(after).isGreaterThan(before).isEqualTo(duckDb.engine().query(registrations(), COUNT).get(0));
        assertThat(duckDb.statements()).as("the first answer and the one after the commit").isEqualTo(2L);
    }

    @Test
    void aFileAddedToAnExistingPartitionChangesTheTable()
            throws IOException
    {
        long before = cached.query(registrations(), COUNT).get(0);
        Path partition;
        try (Stream<Path> partitions = Files.list(warehouse.resolve(DEPARTMENT_HOURLY.name()))) {
            partition = partitions.sorted().findFirst().orElseThrow();
        }
        Path file;
        try (Stream<Path> files = Files.list(partition)) {
            file = files.findFirst().orElseThrow();
        }
        long fileRows = duckDb.engine().query(SqlQuery.builder()
                .sql("SELECT sum(registrations) AS n FROM read_parquet(").value(file.toString()).sql(")").build(), COUNT).get(0);
        // the jobs write ".part-<uuid>.inprogress" files and rename them when a checkpoint completes
        Path inProgress = partition.resolve(".part-copy.inprogress");
        Files.copy(file, inProgress);
        versions.refresh();
        assertThat(cached.query(registrations(), COUNT).get(0)).as("in-progress files are not read").isEqualTo(before);

        Files.move(inProgress, partition.resolve("part-copy.parquet"), StandardCopyOption.ATOMIC_MOVE);
        versions.refresh();

        assertThat(cached.query(registrations(), COUNT).get(0)).isEqualTo(before + fileRows);
    }

    @Test
    void aCommitToAnotherTableKeepsTheAnswer()
            throws IOException
    {
        long visits = cached.query(visits(), COUNT).get(0);
        Path partition = heldBackPartitions.get(0);
        Files.move(partition, warehouse.resolve(DEPARTMENT_HOURLY.name()).resolve(partition.getFileName()));
        versions.refresh();

        assertThat(cached.query(visits(), COUNT).get(0)).isEqualTo(visits);
        assertThat(duckDb.statements()).isEqualTo(1L);
    }

    @Test
    void foldersChangedMomentsAgoCountAsChangedAtEveryLookUntilTheySettle()
            throws IOException
    {
        Instant changed = Files.getLastModifiedTime(DEPARTMENT_HOURLY.location(warehouse)).toInstant();
        WarehouseTableVersions now = WarehouseTableVersions.manual(warehouse, Tables.all(), Clock.fixed(changed.plusMillis(500), ZoneOffset.UTC));
        long first = now.version(DEPARTMENT_HOURLY);
        now.refresh();
        long second = now.version(DEPARTMENT_HOURLY);

        WarehouseTableVersions later = WarehouseTableVersions.manual(warehouse, Tables.all(), LATER);
        long settled = later.version(DEPARTMENT_HOURLY);
        later.refresh();

        assertThat(second).as("just copied: a change at the same clock tick could hide").isNotEqualTo(first);
        assertThat(later.version(DEPARTMENT_HOURLY)).isEqualTo(settled);
    }

    @Test
    void aTableWithoutFilesHasAStableVersion()
    {
        long version = versions.version(Tables.KPI_DAILY);
        versions.refresh();

        assertThat(versions.version(Tables.KPI_DAILY)).isEqualTo(version);
        assertThat(cached.hasData(Tables.KPI_DAILY)).isFalse();
        assertThat(cached.hasData(DEPARTMENT_HOURLY)).isTrue();
    }

    @Test
    void concurrentRequestsForOneMissingAnswerRunTheQueryOnce()
            throws Exception
    {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(() -> cached.query(registrations(), COUNT).get(0));
            }
            List<Long> answers = new ArrayList<>();
            for (Future<Long> answer : pool.invokeAll(requests, 60, TimeUnit.SECONDS)) {
                answers.add(answer.get());
            }
            assertThat(answers).hasSize(8).containsOnly(answers.get(0));
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(duckDb.statements()).isEqualTo(1L);
    }

    @Test
    void aFailedQueryIsNotKept()
    {
        SqlQuery broken = SqlQuery.builder().sql("SELECT no_such_column AS n FROM ").table(DEPARTMENT_HOURLY).sql(" q").build();

        assertThatThrownBy(() -> cached.query(broken, COUNT)).isInstanceOf(AnalyticsQueryException.class);
        assertThatThrownBy(() -> cached.query(broken, COUNT)).isInstanceOf(AnalyticsQueryException.class);
        assertThat(duckDb.statements()).isEqualTo(2L);
    }

    @Test
    void aReaderThatCapturesStateIsNeverGivenAnotherReadersAnswer()
    {
        for (long offset : new long[] {0, 1_000}) {
            RowReader<Long> shifted = row -> row.getLong("n") + offset;
            assertThat(cached.query(registrations(), shifted).get(0))
                    .isEqualTo(duckDb.engine().query(registrations(), COUNT).get(0) + offset);
        }
    }

    @Test
    void answersCannotBeChangedByTheirReaders()
    {
        List<Long> answer = cached.query(registrations(), COUNT);

        assertThatThrownBy(() -> answer.add(1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static SqlQuery registrations()
    {
        return SqlQuery.builder().sql("SELECT sum(registrations) AS n FROM ").table(DEPARTMENT_HOURLY).sql(" q").build();
    }

    private static SqlQuery visits()
    {
        return SqlQuery.builder().sql("SELECT count(*) AS n FROM ").table(WAIT_TIMES).sql(" q").build();
    }
}
