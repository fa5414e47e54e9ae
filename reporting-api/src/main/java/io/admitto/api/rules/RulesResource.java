package io.admitto.api.rules;

import io.admitto.api.quality.LatestAssessments;
import io.admitto.api.report.ReportQuery;
import io.admitto.api.review.Decision;
import io.admitto.api.review.ReviewDecision;
import io.admitto.api.review.ReviewStore;
import io.admitto.api.security.Role;
import io.admitto.api.sql.RowReader;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.sql.SqlQuery;
import io.admitto.qarules.catalogue.RuleCatalogue;
import io.admitto.qarules.rule.RuleDescriptor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.admitto.tables.Tables.REGISTRATION_FINDINGS;
import static java.util.Objects.requireNonNull;

/**
 * {@code GET /api/rules?from&to&facility&department&payer}: the QA rule catalogue with each rule's fire
 * count (from {@code registration_findings}, current assessments in the filter) and its false-positive rate
 * from the reviewers' latest decisions (over all time: reviews are too few to slice).
 */
@Path("/api/rules")
public final class RulesResource
{
    private final SqlEngine engine;
    private final ReviewStore reviews;
    private final RuleCatalogue catalogue;

    private record Fires(String ruleId, long fires, long encounters) {}

    // captures nothing, so the answer cache can reuse its answers (it keys them by the reader too)
    private static final RowReader<Fires> FIRES = row -> new Fires(row.getString("rule_id"), row.getLong("fires"), row.getLong("encounters"));

    @Inject
    public RulesResource(SqlEngine engine, ReviewStore reviews, RuleCatalogue catalogue)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.reviews = requireNonNull(reviews, "reviews is null");
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.QA_REVIEWER_NAME, Role.LEADERSHIP_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
    public List<RuleStatistics> rules(@Valid @BeanParam ReportQuery query)
    {
        SqlQuery.Builder sql = LatestAssessments.with(SqlQuery.builder())
                .sql("SELECT f.rule_id, count(*) AS fires, count(DISTINCT f.encounter_id) AS encounters FROM ")
                .table(REGISTRATION_FINDINGS)
                .sql(" f JOIN latest l ON f.encounter_id = l.encounter_id AND f.version = l.version WHERE 1 = 1");
        LatestAssessments.filter(sql, query.filter()).sql(" GROUP BY f.rule_id");
        Map<String, Fires> fires = new HashMap<>();
        for (Fires ruleFires : engine.query(sql.build(), FIRES)) {
            fires.put(ruleFires.ruleId(), ruleFires);
        }

        Map<String, long[]> reviewed = new HashMap<>();
        for (ReviewDecision decision : reviews.latestDecisions()) {
            for (String ruleId : decision.ruleIds()) {
                long[] counts = reviewed.computeIfAbsent(ruleId, id -> new long[2]);
                counts[0]++;
                if (decision.decision() == Decision.FALSE_POSITIVE) {
                    counts[1]++;
                }
            }
        }

        List<RuleStatistics> rules = new ArrayList<>();
        for (RuleDescriptor rule : catalogue.descriptors()) {
            Fires ruleFires = fires.getOrDefault(rule.id(), new Fires(rule.id(), 0, 0));
            long[] counts = reviewed.getOrDefault(rule.id(), new long[2]);
            rules.add(new RuleStatistics(rule.id(), rule.title(), rule.category().title(), rule.severity().label(), rule.deterministic(), rule.carcs(),
                    ruleFires.fires(), ruleFires.encounters(), counts[0], counts[1], counts[0] == 0 ? null : (double) counts[1] / counts[0]));
        }
        return rules;
    }
}
