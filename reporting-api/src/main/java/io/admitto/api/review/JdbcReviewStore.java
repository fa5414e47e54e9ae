package io.admitto.api.review;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * {@link ReviewStore} over JDBC, in SQL that H2 2.x and PostgreSQL both run. Two append-only tables:
 * {@code review_decisions} (one row per revision; unique on encounter and revision) and
 * {@code review_claims} (one row per claim). The code never updates or deletes a row.
 *
 * <p>A decision is a compare-and-append in one transaction: read the encounter's latest revision, refuse
 * if it is not the one the reviewer saw, insert the next. Two reviewers racing past the read both try to
 * insert the same revision and the unique key refuses the second, so no decision is ever lost or
 * overwritten, whatever the isolation level.
 *
 * <p>H2 writes committed transactions to its file in the background (up to half a second later), so on H2
 * every write ends with {@code CHECKPOINT SYNC}: when {@link #decide} returns, the decision is on disk and
 * survives the process being killed. PostgreSQL's commit is durable by itself.
 */
public final class JdbcReviewStore
        implements ReviewStore
{
    private static final int IN_LIST_CHUNK = 500;
    /** Each encounter's latest claim. */
    private static final String LATEST_CLAIMS = "SELECT c.encounter_id, c.claim_revision, c.assignee, c.claimed_at_millis FROM review_claims c"
            + " WHERE c.claim_revision = (SELECT max(n.claim_revision) FROM review_claims n WHERE n.encounter_id = c.encounter_id)";

    private static final List<String> SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS review_decisions (
              review_id VARCHAR(36) NOT NULL PRIMARY KEY,
              encounter_id VARCHAR(64) NOT NULL,
              revision INTEGER NOT NULL,
              assessment_version INTEGER NOT NULL,
              facility_id VARCHAR(64) NOT NULL,
              department VARCHAR(64),
              registrar_id VARCHAR(64),
              rule_ids VARCHAR(2000) NOT NULL,
              reviewer VARCHAR(128) NOT NULL,
              decision VARCHAR(32) NOT NULL,
              note VARCHAR(4000),
              decided_at_millis BIGINT NOT NULL,
              CONSTRAINT review_decisions_revision UNIQUE (encounter_id, revision))""",
            """
            CREATE TABLE IF NOT EXISTS review_claims (
              encounter_id VARCHAR(64) NOT NULL,
              claim_revision INTEGER NOT NULL,
              assignee VARCHAR(128) NOT NULL,
              claimed_at_millis BIGINT NOT NULL,
              PRIMARY KEY (encounter_id, claim_revision))""");

    private static final String DECISION_COLUMNS = "review_id, encounter_id, revision, assessment_version, facility_id, department, "
            + "registrar_id, rule_ids, reviewer, decision, note, decided_at_millis";

    private final ReviewStoreConfig config;
    /** Keeps an embedded database open between operations; closing it closes the database. */
    private final Connection keeper;

    private JdbcReviewStore(ReviewStoreConfig config, Connection keeper)
    {
        this.config = requireNonNull(config, "config is null");
        this.keeper = requireNonNull(keeper, "keeper is null");
    }

    /** Connects, creating the tables on first use. */
    public static JdbcReviewStore open(ReviewStoreConfig config)
    {
        try {
            Connection keeper = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
            try (Statement statement = keeper.createStatement()) {
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
            }
            JdbcReviewStore store = new JdbcReviewStore(config, keeper);
            store.syncToDisk(keeper);
            return store;
        }
        catch (SQLException e) {
            throw new ReviewStoreException("Cannot open the review store at " + safeUrl(config.jdbcUrl()), e);
        }
    }

    @Override
    public ReviewState state(String encounterId)
    {
        requireNonNull(encounterId, "encounterId is null");
        return states(List.of(encounterId)).getOrDefault(encounterId, new ReviewState(encounterId, List.of(), Optional.empty()));
    }

    @Override
    public Map<String, ReviewState> states(Collection<String> encounterIds)
    {
        List<String> ids = List.copyOf(encounterIds);
        Map<String, List<ReviewDecision>> histories = new HashMap<>();
        Map<String, Claim> claims = new HashMap<>();
        try (Connection connection = connect()) {
            if (ids.size() > IN_LIST_CHUNK && reviewedEncounters(connection) < ids.size()) {
                // A queue of a month at a large system lists tens of thousands of registrations, far more than
                // were ever reviewed: one pass over the reviews beats a hundred IN lists (3 s → tens of ms).
                Set<String> wanted = new HashSet<>(ids);
                try (PreparedStatement statement = connection.prepareStatement("SELECT " + DECISION_COLUMNS
                        + " FROM review_decisions ORDER BY encounter_id, revision")) {
                    for (ReviewDecision decision : readDecisions(statement)) {
                        if (wanted.contains(decision.encounterId())) {
                            histories.computeIfAbsent(decision.encounterId(), key -> new ArrayList<>()).add(decision);
                        }
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(LATEST_CLAIMS)) {
                    readClaims(statement, wanted, claims);
                }
            }
            else {
                for (int start = 0; start < ids.size(); start += IN_LIST_CHUNK) {
                    List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IN_LIST_CHUNK));
                    String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                    try (PreparedStatement statement = connection.prepareStatement("SELECT " + DECISION_COLUMNS
                            + " FROM review_decisions WHERE encounter_id IN (" + in + ") ORDER BY encounter_id, revision")) {
                        bindAll(statement, chunk);
                        for (ReviewDecision decision : readDecisions(statement)) {
                            histories.computeIfAbsent(decision.encounterId(), key -> new ArrayList<>()).add(decision);
                        }
                    }
                    try (PreparedStatement statement = connection.prepareStatement(LATEST_CLAIMS + " AND c.encounter_id IN (" + in + ")")) {
                        bindAll(statement, chunk);
                        readClaims(statement, null, claims);
                    }
                }
            }
        }
        catch (SQLException e) {
            throw new ReviewStoreException("Cannot read reviews", e);
        }
        Map<String, ReviewState> states = new LinkedHashMap<>();
        for (String id : ids) {
            if (histories.containsKey(id) || claims.containsKey(id)) {
                states.put(id, new ReviewState(id, histories.getOrDefault(id, List.of()), Optional.ofNullable(claims.get(id))));
            }
        }
        return states;
    }

    /** Encounters with any decision or claim. */
    private static long reviewedEncounters(Connection connection)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM (SELECT encounter_id FROM review_decisions UNION SELECT encounter_id FROM review_claims) reviewed");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Reads claims into {@code claims}, only those of {@code wanted} encounters when it is given. */
    private static void readClaims(PreparedStatement statement, Set<String> wanted, Map<String, Claim> claims)
            throws SQLException
    {
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                String encounterId = row.getString(1);
                if (wanted == null || wanted.contains(encounterId)) {
                    claims.put(encounterId, new Claim(encounterId, row.getInt(2), row.getString(3), Instant.ofEpochMilli(row.getLong(4))));
                }
            }
        }
    }

    @Override
    public List<ReviewDecision> latestDecisions()
    {
        return queryDecisions("SELECT " + DECISION_COLUMNS + " FROM review_decisions d WHERE d.revision = "
                + "(SELECT max(n.revision) FROM review_decisions n WHERE n.encounter_id = d.encounter_id) ORDER BY d.encounter_id");
    }

    @Override
    public List<ReviewDecision> allDecisions()
    {
        return queryDecisions("SELECT " + DECISION_COLUMNS + " FROM review_decisions ORDER BY decided_at_millis, encounter_id, revision");
    }

    @Override
    public ReviewDecision decide(NewDecision decision)
    {
        requireNonNull(decision, "decision is null");
        ReviewDecision stored = new ReviewDecision(
                UUID.randomUUID().toString(),
                decision.encounterId(),
                decision.basedOnRevision() + 1,
                decision.assessmentVersion(),
                decision.facilityId(),
                decision.department(),
                decision.registrarId(),
                decision.ruleIds(),
                decision.reviewer(),
                decision.decision(),
                decision.note(),
                decision.decidedAt());
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                int current = latestRevision(connection, decision.encounterId());
                if (current != decision.basedOnRevision()) {
                    connection.rollback();
                    throw new StaleRevisionException(decision.encounterId(), decision.basedOnRevision(), current);
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO review_decisions (" + DECISION_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, stored.reviewId());
                    insert.setString(2, stored.encounterId());
                    insert.setInt(3, stored.revision());
                    insert.setInt(4, stored.assessmentVersion());
                    insert.setString(5, stored.facilityId());
                    insert.setString(6, stored.department());
                    insert.setString(7, stored.registrarId());
                    insert.setString(8, String.join(",", stored.ruleIds()));
                    insert.setString(9, stored.reviewer());
                    insert.setString(10, stored.decision().wireName());
                    insert.setString(11, stored.note());
                    insert.setLong(12, stored.decidedAt().toEpochMilli());
                    insert.executeUpdate();
                }
                connection.commit();
            }
            catch (SQLException e) {
                connection.rollback();
                if (isUniqueViolation(e)) {
                    // another reviewer appended this revision between our read and our insert
                    throw new StaleRevisionException(decision.encounterId(), decision.basedOnRevision(), latestRevision(connection, decision.encounterId()));
                }
                throw e;
            }
            connection.setAutoCommit(true);
            syncToDisk(connection);
            return stored;
        }
        catch (SQLException e) {
            throw new ReviewStoreException("Cannot store the decision on " + decision.encounterId(), e);
        }
    }

    @Override
    public Claim claim(String encounterId, String user, Instant at)
    {
        requireNonNull(encounterId, "encounterId is null");
        requireNonNull(user, "user is null");
        requireNonNull(at, "at is null");
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            Claim claim;
            try {
                Optional<Claim> current = currentClaim(connection, encounterId);
                if (current.isPresent() && !current.get().assignee().equals(user)) {
                    connection.rollback();
                    throw new ClaimedByOtherException(current.get());
                }
                if (current.isPresent()) {
                    connection.rollback();
                    return current.get();
                }
                claim = new Claim(encounterId, 1, user, at);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO review_claims (encounter_id, claim_revision, assignee, claimed_at_millis) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, encounterId);
                    insert.setInt(2, claim.claimRevision());
                    insert.setString(3, user);
                    insert.setLong(4, at.toEpochMilli());
                    insert.executeUpdate();
                }
                connection.commit();
            }
            catch (SQLException e) {
                connection.rollback();
                if (isUniqueViolation(e)) {
                    throw new ClaimedByOtherException(currentClaim(connection, encounterId).orElseThrow(() -> e));
                }
                throw e;
            }
            connection.setAutoCommit(true);
            syncToDisk(connection);
            return claim;
        }
        catch (SQLException e) {
            throw new ReviewStoreException("Cannot claim " + encounterId, e);
        }
    }

    @Override
    public void close()
    {
        try {
            keeper.close();
        }
        catch (SQLException e) {
            throw new ReviewStoreException("Cannot close the review store", e);
        }
    }

    private Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    private void syncToDisk(Connection connection)
            throws SQLException
    {
        if (config.isH2()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        }
    }

    private static int latestRevision(Connection connection, String encounterId)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(max(revision), 0) FROM review_decisions WHERE encounter_id = ?")) {
            statement.setString(1, encounterId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Optional<Claim> currentClaim(Connection connection, String encounterId)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement("SELECT claim_revision, assignee, claimed_at_millis FROM review_claims"
                + " WHERE encounter_id = ? ORDER BY claim_revision DESC")) {
            statement.setString(1, encounterId);
            statement.setMaxRows(1);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claim(encounterId, row.getInt(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3))));
            }
        }
    }

    private List<ReviewDecision> queryDecisions(String sql)
    {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return readDecisions(statement);
        }
        catch (SQLException e) {
            throw new ReviewStoreException("Cannot read decisions", e);
        }
    }

    private static List<ReviewDecision> readDecisions(PreparedStatement statement)
            throws SQLException
    {
        List<ReviewDecision> decisions = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                String ruleIds = row.getString("rule_ids");
                decisions.add(new ReviewDecision(
                        row.getString("review_id"),
                        row.getString("encounter_id"),
                        row.getInt("revision"),
                        row.getInt("assessment_version"),
                        row.getString("facility_id"),
                        row.getString("department"),
                        row.getString("registrar_id"),
                        ruleIds.isEmpty() ? List.of() : Arrays.asList(ruleIds.split(",")),
                        row.getString("reviewer"),
                        Decision.fromWireName(row.getString("decision")),
                        row.getString("note"),
                        Instant.ofEpochMilli(row.getLong("decided_at_millis"))));
            }
        }
        return decisions;
    }

    private static void bindAll(PreparedStatement statement, List<String> values)
            throws SQLException
    {
        for (int index = 0; index < values.size(); index++) {
            statement.setString(index + 1, values.get(index));
        }
    }

    /** SQLSTATE class 23: integrity constraint violation (H2 and PostgreSQL both use 23505 for a unique key). */
    private static boolean isUniqueViolation(SQLException e)
    {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static String safeUrl(String url)
    {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }
}
