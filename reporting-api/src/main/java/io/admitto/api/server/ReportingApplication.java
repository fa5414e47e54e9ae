package io.admitto.api.server;

import io.admitto.api.health.HealthResource;
import io.admitto.api.kpi.RegistrationVolumeResource;
import io.admitto.api.problem.InvalidParameterExceptionMapper;
import io.admitto.api.problem.UnhandledExceptionMapper;
import io.admitto.api.problem.WebApplicationExceptionMapper;
import io.admitto.api.sql.AnalyticsQueries;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.util.List;

/**
 * The Jersey application: the API's own resources and error mappers, plus components contributed by
 * other modules (the dashboards). Resources are registered as classes and receive the shared
 * {@link AnalyticsQueries} and {@link ReportingServerConfig} by constructor injection ({@code @Inject}),
 * the same way for ours and for contributed ones.
 */
final class ReportingApplication
{
    private ReportingApplication() {}

    static ResourceConfig create(ReportingServerConfig config, AnalyticsQueries queries, List<?> extraComponents)
    {
        ResourceConfig application = new ResourceConfig()
                .setApplicationName("admitto-reporting-api")
                // WADL would need JAXB and publishes an extra, unmapped endpoint.
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(JacksonFeature.class)
                .register(JsonMapperResolver.class)
                .register(NoSniffFilter.class)
                .register(InvalidParameterExceptionMapper.class)
                .register(WebApplicationExceptionMapper.class)
                .register(UnhandledExceptionMapper.class)
                .register(HealthResource.class)
                .register(RegistrationVolumeResource.class)
                .register(new AbstractBinder()
                {
                    @Override
                    protected void configure()
                    {
                        bind(queries).to(AnalyticsQueries.class);
                        bind(config).to(ReportingServerConfig.class);
                    }
                });
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
