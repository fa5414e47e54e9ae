package io.admitto.launcher;

import io.admitto.events.Topic;
import io.admitto.ingest.generator.GroundTruth;
import io.admitto.ingest.generator.GroundTruthJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command names and options are a contract that docs, tests and users' scripts rely on. */
class CommandLineContractTest {
    @Test
    void everyDocumentedCommandHasHelpNamingItsOptions() {
        assertHelp("demo", "--seed", "--days", "--port", "--warehouse");
        assertHelp("generate", "--seed", "--days", "--out");
        assertHelp("run", "--seed", "--days", "--warehouse");
        assertHelp("serve", "--warehouse", "--port", "--users", "--demo-users", "--oidc-issuer", "--oidc-audience", "--oidc-jwks-url",
                "--oidc-role-claim", "--oidc-role", "--state-dir", "--trino-url", "--trino-catalog", "--trino-schema", "--review-store-url");
        assertHelp("rules", "--config");
        assertHelp("evaluate", "--seed", "--days", "--min-precision", "--min-recall");
        assertHelp("trino-config", "--warehouse", "--out", "--since");
    }

    @Test
    void trinoConfigWritesTheCatalogRulesAndDdlAndCreatesTheFoldersOfUnwrittenTables(@TempDir Path directory) throws Exception {
        Path warehouse = Files.createDirectories(directory.resolve("warehouse/department_hourly/event_date=2026-03-02"))
                .getParent().getParent();
        Path out = directory.resolve("trino");

        Captured config = run("trino-config", "--warehouse", warehouse.toString(), "--out", out.toString());

        assertThat(config.exitCode()).as(config.stdout()).isZero();
        assertThat(config.stdout()).contains("from 2026-03-02", "admitto.sql");
        assertThat(out.resolve("etc/catalog/admitto.properties")).content()
                .contains("connector.name=hive", "local.location=" + warehouse.toAbsolutePath().normalize());
        assertThat(out.resolve("etc/rules.json")).content().contains("\"analyst\"", "registration_phi");
        assertThat(out.resolve("etc/groups.txt")).content().contains("analyst:analyst");
        assertThat(out.resolve("admitto.sql")).content()
                .contains("CREATE TABLE admitto.analytics.kpi_daily (", "ARRAY['2026-03-02', 'NOW+7DAYS']");
        assertThat(warehouse.resolve("kpi_daily")).isEmptyDirectory();
        assertThat(Backfill.hasTables(warehouse)).isTrue();
    }

    @Test
    void aWarehouseConfiguredForTrinoBeforeTheFirstRunStillTakesThatRun(@TempDir Path directory) throws Exception {
        Path warehouse = Files.createDirectories(directory.resolve("warehouse"));

        assertThat(run("trino-config", "--warehouse", warehouse.toString(), "--out", directory.resolve("trino").toString()).exitCode()).isZero();

        assertThat(warehouse.resolve("department_hourly")).isEmptyDirectory();
        assertThat(Backfill.hasTables(warehouse)).isFalse();
    }

    @Test
    void trinoConfigRefusesAMissingWarehouseNamingIt(@TempDir Path directory) {
        StringWriter errors = new StringWriter();
        CommandLine commandLine = AdmittoCommand.commandLine();
        commandLine.setErr(new PrintWriter(errors, true));

        int exitCode = commandLine.execute("trino-config", "--warehouse", directory.resolve("nowhere").toString(),
                "--out", directory.resolve("out").toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString()).contains("--warehouse", "nowhere", "is not a directory");
    }

    @Test
    void serveRefusesToStartWhenNobodyCouldLogIn(@TempDir Path warehouse) {
        StringWriter errors = new StringWriter();
        CommandLine commandLine = AdmittoCommand.commandLine();
        commandLine.setErr(new PrintWriter(errors, true));

        assertThat(commandLine.execute("serve", "--warehouse", warehouse.toString(), "--port", "0")).isEqualTo(2);
        assertThat(errors.toString()).contains("Nobody could log in", "--users", "--oidc");
    }

    @Test
    void serveNamesTheUsersFileLineAtFault(@TempDir Path folder) throws Exception {
        Path users = Files.writeString(folder.resolve("users"), "# team\nmaria:not-a-hash:qa_reviewer\n");
        StringWriter errors = new StringWriter();
        CommandLine commandLine = AdmittoCommand.commandLine();
        commandLine.setErr(new PrintWriter(errors, true));

        assertThat(commandLine.execute("serve", "--warehouse", folder.toString(), "--port", "0", "--users", users.toString())).isEqualTo(2);
        assertThat(errors.toString()).contains(users.toString(), "line 2", "not a bcrypt hash");
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorNamingIt() {
        StringWriter errors = new StringWriter();
        CommandLine commandLine = AdmittoCommand.commandLine();
        commandLine.setErr(new PrintWriter(errors, true));
        assertThat(commandLine.execute("generate", "--seed", "1")).isEqualTo(2);
        assertThat(errors.toString()).contains("--out");
    }

    @Test
    void generateWritesOneNdjsonFilePerTopicAndTheGroundTruth(@TempDir Path out) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int exitCode;
        try (PrintStream print = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(print);
            exitCode = AdmittoCommand.commandLine().execute("generate", "--seed", "5", "--days", "1", "--daily-encounters", "40", "--out", out.toString());
        }
        finally {
            System.setOut(originalOut);
        }
        assertThat(exitCode).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("events/s");

        GroundTruth truth = new GroundTruthJson().read(out.resolve("truth.json"));
        long lines = 0;
        for (Topic topic : List.of(Topic.REGISTRATION, Topic.FLOW, Topic.ELIGIBILITY, Topic.CLAIMS)) {
            Path file = out.resolve(topic.ndjsonFileName());
            assertThat(file).isRegularFile();
            try (var stream = Files.lines(file)) {
                long count = stream.count();
                assertThat(count).as(topic.topicName()).isEqualTo(truth.counts().eventsByTopic().getOrDefault(topic.topicName(), 0L));
                lines += count;
            }
        }
        assertThat(lines).isPositive();
        assertThat(truth.config().seed()).isEqualTo(5);
    }

    @Test
    void rulesPrintsTheCatalogueOneRuleALineWithItsSeverity() {
        Captured rules = run("rules");
        assertThat(rules.exitCode()).isZero();
        List<String> lines = rules.stdout().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(40);
        assertThat(lines).allMatch(line -> line.matches("[A-Z]{2,3}-\\d{3}\t(critical|error|warning)\t\\S.*"));
        assertThat(lines).contains("EMT-001\tcritical\tED payment collected before the medical screening exam");
    }

    @Test
    void rulesFollowsTheOrganisationConfiguration(@TempDir Path directory) throws Exception {
        Path config = directory.resolve("config.json");
        Files.writeString(config, withRules("{\"EMT-001\": {\"enabled\": false}, \"FIN-001\": {\"severity\": \"error\"}}"));

        List<String> lines = run("rules", "--config", config.toString()).stdout().lines().toList();

        assertThat(lines).noneMatch(line -> line.startsWith("EMT-001\t"));
        assertThat(lines).anyMatch(line -> line.startsWith("FIN-001\terror\t"));
    }

    @Test
    void evaluatePassesWhenEveryDeterministicRuleMeetsTheThresholds() {
        Captured evaluation = run("evaluate", "--seed", "424242", "--days", "3", "--min-precision", "0.99", "--min-recall", "0.99");
        assertThat(evaluation.exitCode()).as(evaluation.stdout()).isZero();
        assertThat(evaluation.stdout()).contains("overall (gated rules)\tprecision\t1.0000\trecall\t1.0000");
    }

    @Test
    void evaluateFailsNamingTheRuleThatMissedItsDefects(@TempDir Path directory) throws Exception {
        Path config = directory.resolve("config.json");
        Files.writeString(config, withRules("{\"EMT-001\": {\"enabled\": false}}"));

        Captured evaluation = run("evaluate", "--seed", "424242", "--days", "3", "--min-recall", "0.99", "--config", config.toString());

        assertThat(evaluation.exitCode()).isEqualTo(1);
        assertThat(evaluation.stdout()).containsPattern("BELOW THRESHOLD\tEMT-001\t");
    }

    private static String withRules(String rules) throws Exception {
        try (var in = CommandLineContractTest.class.getResourceAsStream("/io/admitto/qarules/config/default-config.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"rules\": {}", "\"rules\": " + rules);
        }
    }

    private record Captured(int exitCode, String stdout) {}

    private static Captured run(String... arguments) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int exitCode;
        try (PrintStream print = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(print);
            exitCode = AdmittoCommand.commandLine().execute(arguments);
        }
        finally {
            System.setOut(originalOut);
        }
        return new Captured(exitCode, captured.toString(StandardCharsets.UTF_8));
    }

    private static void assertHelp(String command, String... options) {
        StringWriter help = new StringWriter();
        CommandLine commandLine = AdmittoCommand.commandLine();
        commandLine.setOut(new PrintWriter(help, true));
        assertThat(commandLine.execute(command, "--help")).isZero();
        assertThat(help.toString()).contains(options);
    }
}
