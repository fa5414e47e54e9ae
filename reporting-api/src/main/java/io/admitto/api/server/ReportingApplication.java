package io.admitto.api.server;

import io.admitto.api.audit.AuditLog;
import io.admitto.api.audit.AuditLogExport;
import io.admitto.api.audit.AuditResource;
import io.admitto.api.health.HealthResource;
import io.admitto.api.sql.cache.CachingSqlEngine;
import io.admitto.api.sql.cache.RenderedAnswers;
import io.admitto.api.metrics.MetricsResource;
import io.admitto.api.metrics.RequestMetrics;
import io.admitto.api.openapi.OpenApiResource;
import io.admitto.api.denials.DenialsResource;
import io.admitto.api.freshness.FreshnessResource;
import io.admitto.api.kpi.KpiResource;
import io.admitto.api.kpi.KpiTargets;
import io.admitto.api.kpi.RegistrationVolumeResource;
import io.admitto.api.problem.ConstraintViolationExceptionMapper;
import io.admitto.api.problem.ProblemExceptionMapper;
import io.admitto.api.quality.RegistrarScorecardResource;
import io.admitto.api.queue.QueueResource;
import io.admitto.api.review.QaReviewsExport;
import io.admitto.api.review.ReviewStore;
import io.admitto.api.rules.RulesResource;
import io.admitto.api.sql.SqlEngine;
import io.admitto.api.waits.WaitTimesResource;
import io.admitto.qarules.catalogue.RuleCatalogue;
import io.admitto.api.problem.InvalidParameterExceptionMapper;
import io.admitto.api.problem.UnhandledExceptionMapper;
import io.admitto.api.problem.UnreadableBodyExceptionMapper;
import io.admitto.api.problem.WebApplicationExceptionMapper;
import io.admitto.api.security.AccessControlFeature;
import io.admitto.api.security.AuthResource;
import io.admitto.api.security.AuthenticationFilter;
import io.admitto.api.security.LoginThrottle;
import io.admitto.api.security.OidcTokenVerifier;
import io.admitto.api.security.SecurityConfig;
import io.admitto.api.security.SessionStore;
import io.admitto.api.sql.AnalyticsQueries;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.time.Clock;
import java.util.List;

/**
 * The Jersey application: the API's own resources and error mappers, plus components contributed by
 * other modules (the dashboards). Resources are registered as classes and receive the shared
 * {@link AnalyticsQueries} and {@link ReportingServerConfig} by constructor injection ({@code @Inject}),
 * the same way for ours and for contributed ones.
 *
 * <p>Every request passes {@link AuthenticationFilter} (who is calling) and {@link AccessControlFeature}
 * (may they call this method): a resource method must say who may call it with {@code @RolesAllowed},
 * {@code @PermitAll} or {@code @DenyAll}, and one that says nothing is refused to everyone.
 */
final class ReportingApplication
{
    private ReportingApplication() {}

    static ResourceConfig create(ReportingServerConfig config, SqlEngine engine, ReviewStore reviews, QaReviewsExport reviewExport,
            AuditLog auditLog, AuditLogExport auditExport, Clock clock, List<?> extraComponents)
    {
        AnalyticsQueries queries = new AnalyticsQueries(engine);
        RuleCatalogue catalogue = RuleCatalogue.standard();
        SecurityConfig security = config.security();
        SessionStore sessions = new SessionStore(security.sessionLifetime(), clock);
        LoginThrottle throttle = new LoginThrottle(clock);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        ResourceConfig application = new ResourceConfig()
                .setApplicationName("admitto-reporting-api")
                // WADL would need JAXB and publishes an extra, unmapped endpoint.
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                // Jackson's own mappers answer bad JSON with its message as text/plain.
                .register(JacksonFeature.withoutExceptionMappers())
                .register(JsonMapperResolver.class)
                .register(SecurityHeadersFilter.class)
                .register(RequestBodyLimitFilter.class)
                .register(new AuthenticationFilter(sessions, security.oidc().map(OidcTokenVerifier::new), security.metricsScrapeToken()))
                .register(AccessControlFeature.class)
                .register(AuthResource.class)
                // request parameters and bodies are checked with Jakarta Bean Validation before a resource runs
                .property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false)
                .register(UnreadableBodyExceptionMapper.class)
                .register(InvalidParameterExceptionMapper.class)
                .register(ConstraintViolationExceptionMapper.class)
                .register(ProblemExceptionMapper.class)
                .register(WebApplicationExceptionMapper.class)
                .register(UnhandledExceptionMapper.class)
                .register(HealthResource.class)
                .register(RegistrationVolumeResource.class)
                .register(KpiResource.class)
                .register(RegistrarScorecardResource.class)
                .register(DenialsResource.class)
                .register(WaitTimesResource.class)
                .register(RulesResource.class)
                .register(FreshnessResource.class)
                .register(QueueResource.class)
                .register(AuditResource.class)
                .register(MetricsResource.class)
                .register(OpenApiResource.class)
                .register(new RequestMetrics(metrics))
                .register(new AbstractBinder()
                {
                    @Override
                    protected void configure()
                    {
                        bind(engine).to(SqlEngine.class);
                        bind(queries).to(AnalyticsQueries.class);
                        bind(config).to(ReportingServerConfig.class);
                        bind(config.kpiTargets()).to(KpiTargets.class);
                        bind(reviews).to(ReviewStore.class);
                        bind(reviewExport).to(QaReviewsExport.class);
                        bind(catalogue).to(RuleCatalogue.class);
                        bind(security).to(SecurityConfig.class);
                        bind(sessions).to(SessionStore.class);
                        bind(throttle).to(LoginThrottle.class);
                        bind(clock).to(Clock.class);
                        bind(auditLog).to(AuditLog.class);
                        bind(auditExport).to(AuditLogExport.class);
                        bind(metrics).to(PrometheusMeterRegistry.class);
                    }
                });
        if (engine instanceof CachingSqlEngine cached) {
            // 64 MB of rendered JSON: a few hundred dashboard answers
            application.register(new RenderedAnswers(cached, 64L << 20));
        }
        for (Object component : extraComponents) {
            if (component instanceof Class<?> componentClass) {
                application.register(componentClass);
            }
            else {
                application.register(component);
            }
        }
        return application;
    }
}
