package io.admitto.api.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.admitto.api.audit.AuditLog;
import io.admitto.api.problem.InvalidParameterException;
import io.admitto.api.problem.Problem;
import io.admitto.api.problem.ProblemException;
import io.admitto.api.report.Page;
import io.admitto.api.report.PageQuery;
import io.admitto.api.report.ReportQuery;
import io.admitto.api.review.Claim;
import io.admitto.api.review.ClaimedByOtherException;
import io.admitto.api.review.Decision;
import io.admitto.api.review.NewDecision;
import io.admitto.api.review.QaReviewsExport;
import io.admitto.api.review.ReviewDecision;
import io.admitto.api.review.ReviewState;
import io.admitto.api.review.ReviewStore;
import io.admitto.api.review.StaleRevisionException;
import io.admitto.api.security.Role;
import io.admitto.api.sql.SqlEngine;
import io.admitto.qarules.catalogue.RuleCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The QA work queue, for QA reviewers only:
 * <ul>
 * <li>{@code GET /api/queue} — flagged registrations by {@link Priority}, filterable, paginated; no PHI;</li>
 * <li>{@code GET /api/queue/{encounterId}} — findings, explanations, PHI and review history; every read
 * audited; answers an {@code ETag};</li>
 * <li>{@code POST /api/queue/{encounterId}/claim} — assign it to me;</li>
 * <li>{@code POST /api/queue/{encounterId}/decisions} — a decision, with {@code If-Match}: the ETag the
 * reviewer saw. A stale ETag (someone decided since, or the registration was reassessed) is refused with
 * 409 (another reviewer decided meanwhile) or 412 (the registration was reassessed), each with the
 * current ETag; no decision is ever lost.</li>
 * </ul>
 */
@Path("/api/queue")
@RolesAllowed(Role.QA_REVIEWER_NAME)
public final class QueueResource
{
    static final String PURPOSE = "qa_review";
    static final String PHI_READ = "phi_read";
    static final String REVIEW_DECISION = "review_decision";
    private static final String ENCOUNTER_ID = "[A-Za-z0-9_.:-]{1,64}";
    private static final String ENCOUNTER_MESSAGE = "must be an encounter id (1 to 64 letters, digits, '_', '.', ':' or '-')";
    private static final Logger log = LoggerFactory.getLogger(QueueResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QueueQueries queries;
    private final ReviewStore reviews;
    private final QaReviewsExport export;
    private final AuditLog audit;
    private final RuleCatalogue catalogue;
    private final Clock clock;

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uriInfo;

    @Inject
    public QueueResource(SqlEngine engine, ReviewStore reviews, QaReviewsExport export, AuditLog audit, RuleCatalogue catalogue, Clock clock)
    {
        this.queries = new QueueQueries(engine);
        this.reviews = requireNonNull(reviews, "reviews is null");
        this.export = requireNonNull(export, "export is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<QueueItem> queue(
            @Valid @BeanParam ReportQuery query,
            @Valid @BeanParam PageQuery page,
            @QueryParam("severity") @Pattern(regexp = "|critical|error|warning", message = "must be critical, error or warning") String severity,
            @QueryParam("status") @Pattern(regexp = "|open|claimed|decided|all", message = "must be open, claimed, decided or all") String status,
            @QueryParam("assignee") @Pattern(regexp = "|me", message = "must be me") String assignee)
    {
        List<FlaggedRegistration> flagged = queries.flagged(query.filter(), blank(severity), Optional.empty());
        Map<String, ReviewState> states = reviews.states(flagged.stream().map(FlaggedRegistration::encounterId).toList());
        LocalDate today = LocalDate.now(clock);
        String wantedStatus = blank(status).orElse("open");
        boolean mine = "me".equals(assignee);
        List<QueueItem> items = new ArrayList<>();
        for (FlaggedRegistration registration : flagged) {
            QueueItem item = item(registration, Optional.ofNullable(states.get(registration.encounterId())), today);
            boolean statusMatches = switch (wantedStatus) {
                case "all" -> true;
                case "open" -> !item.status().equals("decided");
                default -> item.status().equals(wantedStatus);
            };
            if (statusMatches && (!mine || user().equals(item.assignee()))) {
                items.add(item);
            }
        }
        items.sort(Comparator.comparingDouble(QueueItem::priority).reversed()
                .thenComparing(QueueItem::serviceDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(QueueItem::encounterId));
        int from = (int) Math.min(items.size(), page.offset());
        int to = Math.min(items.size(), from + page.size());
        return new Page<>(page.page(), page.size(), items.size(), items.subList(from, to));
    }

    @GET
    @Path("{encounterId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response detail(@PathParam("encounterId") @Pattern(regexp = ENCOUNTER_ID, message = ENCOUNTER_MESSAGE) String encounterId)
    {
        FlaggedRegistration registration = flagged(encounterId);
        ReviewState state = reviews.state(encounterId);
        List<QueueDetail.Finding> findings = queries.findings(encounterId, registration.version()).stream()
                .map(finding -> finding.withTitle(catalogue.contains(finding.ruleId()) ? catalogue.descriptor(finding.ruleId()).title() : null))
                .toList();
        Optional<QueueQueries.PhiRow> phi = queries.phi(encounterId, registration.version());
        // recorded before the answer leaves: a failed audit write fails the request
        audit.record(new AuditLog.AuditRecord(user(), Role.QA_REVIEWER_NAME, PHI_READ, encounterId, QueueDetail.Patient.AUDITED_FIELDS, PURPOSE));
        String etag = etag(registration.version(), state.revision());
        QueueDetail detail = new QueueDetail(
                item(registration, Optional.of(state), LocalDate.now(clock)),
                registration.grade(),
                findings,
                phi.map(row -> parse(row.findingsDetail())).orElse(null),
                phi.map(row -> new QueueDetail.Patient(row.mrn(), row.familyName(), row.givenName(), row.birthDate(), row.sex(), row.ssn(), row.phone(),
                        row.address(), row.memberId())).orElse(null),
                state.claim().orElse(null),
                state.history(),
                etag);
        return Response.ok(detail).tag(new EntityTag(etag)).build();
    }

    @POST
    @Path("{encounterId}/claim")
    @Produces(MediaType.APPLICATION_JSON)
    public Claim claim(@PathParam("encounterId") @Pattern(regexp = ENCOUNTER_ID, message = ENCOUNTER_MESSAGE) String encounterId)
    {
        flagged(encounterId);
        try {
            return reviews.claim(encounterId, user(), clock.instant());
        }
        catch (ClaimedByOtherException e) {
            throw new ProblemException(new Problem(URI.create("urn:admitto:problem:claimed"), "Already claimed", 409,
                    "Encounter " + encounterId + " is claimed by " + e.claim().assignee() + ".", instance(), null));
        }
    }

    @POST
    @Path("{encounterId}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response decide(
            @PathParam("encounterId") @Pattern(regexp = ENCOUNTER_ID, message = ENCOUNTER_MESSAGE) String encounterId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "is required") @Valid DecisionRequest request)
    {
        FlaggedRegistration registration = flagged(encounterId);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(new Problem(URI.create("urn:admitto:problem:precondition-required"), "Precondition Required", 428,
                    "Send If-Match with the ETag of GET /api/queue/" + encounterId + ", so a decision cannot overwrite one you have not seen.",
                    instance(), HttpHeaders.IF_MATCH));
        }
        ReviewState state = reviews.state(encounterId);
        String current = etag(registration.version(), state.revision());
        if (!ifMatch.trim().equals('"' + current + '"')) {
            throw ifMatch.trim().startsWith("\"" + registration.version() + ".")
                    ? decidedMeanwhile(encounterId, current)
                    : stale(encounterId, current);
        }
        List<QueueDetail.Finding> findings = queries.findings(encounterId, registration.version());
        List<String> ruleIds = request.ruleIds() == null || request.ruleIds().isEmpty()
                ? List.copyOf(new LinkedHashSet<>(findings.stream().map(QueueDetail.Finding::ruleId).toList()))
                : List.copyOf(new LinkedHashSet<>(request.ruleIds()));
        for (String ruleId : ruleIds) {
            if (findings.stream().noneMatch(finding -> finding.ruleId().equals(ruleId))) {
                throw new InvalidParameterException("ruleIds", "ruleIds must name rules of the current findings; " + ruleId + " is not one of them.");
            }
        }
        ReviewDecision stored;
        try {
            stored = reviews.decide(new NewDecision(encounterId, state.revision(), registration.version(), registration.facilityId(),
                    registration.department(), registration.registrarId(), ruleIds, user(), Decision.fromWireName(request.decision()),
                    request.note(), clock.instant()));
        }
        catch (StaleRevisionException e) {
            throw decidedMeanwhile(encounterId, etag(registration.version(), e.currentRevision()));
        }
        audit.record(new AuditLog.AuditRecord(user(), Role.QA_REVIEWER_NAME, REVIEW_DECISION, encounterId, List.of("decision", "note", "rule_ids"), PURPOSE));
        try {
            export.export(stored);
        }
        catch (RuntimeException e) {
            // the store is the source of truth; the file is written again at the next start (exportMissing)
            log.warn("Decision {} stored but not yet exported to qa_reviews", stored.reviewId(), e);
        }
        String etag = etag(registration.version(), stored.revision());
        return Response.ok(stored).tag(new EntityTag(etag)).build();
    }

    private FlaggedRegistration flagged(String encounterId)
    {
        return queries.flagged(io.admitto.api.sql.ReportFilter.all(), Optional.empty(), Optional.of(encounterId)).stream().findFirst()
                .orElseThrow(() -> new ProblemException(Problem.ofStatus(Response.Status.NOT_FOUND,
                        "No flagged registration " + encounterId + ".", instance())));
    }

    private QueueItem item(FlaggedRegistration registration, Optional<ReviewState> state, LocalDate today)
    {
        Optional<ReviewDecision> decision = state.flatMap(ReviewState::current)
                .filter(latest -> latest.assessmentVersion() == registration.version());
        Optional<Claim> claim = state.flatMap(ReviewState::claim);
        String status = decision.isPresent() ? "decided" : claim.isPresent() ? "claimed" : "open";
        return new QueueItem(
                registration.encounterId(),
                registration.version(),
                registration.facilityId(),
                registration.department(),
                registration.registrarId(),
                registration.payerId(),
                registration.serviceDate(),
                registration.serviceDate() == null ? null : ChronoUnit.DAYS.between(today, registration.serviceDate()),
                registration.critical(),
                registration.errors(),
                registration.warnings(),
                registration.score(),
                registration.predictedDenialDollars(),
                Priority.of(registration.critical(), registration.errors(), registration.warnings(), registration.serviceDate(), today,
                        registration.predictedDenialDollars()),
                status,
                claim.map(Claim::assignee).orElse(null),
                state.flatMap(ReviewState::current).map(latest -> latest.decision().wireName()).orElse(null),
                state.map(ReviewState::revision).orElse(0));
    }

    /** {@code <assessment version>.<review revision>}: changes when either the registration or its review does. */
    static String etag(int assessmentVersion, int revision)
    {
        return assessmentVersion + "." + revision;
    }

    /**
     * The registration itself changed since the reviewer read it (the jobs reassessed it, or the ETag is
     * not one we issued): the precondition failed, so 412 with the current ETag.
     */
    private ProblemException stale(String encounterId, String currentEtag)
    {
        return new ProblemException(new Problem(URI.create("urn:admitto:problem:stale-review"), "Precondition Failed", 412,
                "The registration " + encounterId + " was reassessed since you read it (current ETag \"" + currentEtag + "\"). Read it again and decide on what is there now.",
                instance(), HttpHeaders.IF_MATCH), Map.of(HttpHeaders.ETAG, '"' + currentEtag + '"'));
    }

    /**
     * Another reviewer decided on the same assessment after this reviewer read it: a conflict between two
     * people's writes, so 409 with the current ETag, whether the API saw it first or the store's
     * revision check caught the race. Nothing of this request is stored; the other decision stands.
     */
    private ProblemException decidedMeanwhile(String encounterId, String currentEtag)
    {
        return new ProblemException(new Problem(URI.create("urn:admitto:problem:review-conflict"), "Conflict", 409,
                "Another reviewer decided on " + encounterId + " since you read it (current ETag \"" + currentEtag + "\"). Read the history and decide again if you still disagree.",
                instance(), HttpHeaders.IF_MATCH), Map.of(HttpHeaders.ETAG, '"' + currentEtag + '"'));
    }

    private String user()
    {
        if (security == null || security.getUserPrincipal() == null) {
            throw new IllegalStateException("No authenticated user on a QA request");
        }
        return security.getUserPrincipal().getName();
    }

    private URI instance()
    {
        return URI.create(uriInfo.getRequestUri().getRawPath());
    }

    private static Optional<String> blank(String value)
    {
        return Optional.ofNullable(value).filter(text -> !text.isEmpty());
    }

    private static JsonNode parse(String json)
    {
        try {
            return JSON.readTree(json);
        }
        catch (IOException e) {
            throw new IllegalStateException("findings_detail is not JSON", e);
        }
    }
}
