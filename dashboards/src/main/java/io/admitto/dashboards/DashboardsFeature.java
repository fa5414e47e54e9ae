package io.admitto.dashboards;

import io.admitto.dashboards.chart.RegistrationVolumeChartResource;
import io.admitto.dashboards.page.AssetsResource;
import io.admitto.dashboards.page.LoginPageResource;
import io.admitto.dashboards.page.OverviewPageResource;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * The dashboards, as a JAX-RS feature for the reporting server:
 *
 * <pre>{@code
 * new ReportingServer(config, List.of(new DashboardsFeature()))
 * }</pre>
 *
 * It adds the overview page at {@code /}, the login page at {@code /login}, its scripts and styles under {@code /assets/} (ECharts itself
 * from the webjar on the classpath, never a CDN) and the chart options under {@code /api/charts/}.
 */
public final class DashboardsFeature
        implements Feature
{
    @Override
    public boolean configure(FeatureContext context)
    {
        context.register(OverviewPageResource.class);
        context.register(LoginPageResource.class);
        context.register(AssetsResource.class);
        context.register(RegistrationVolumeChartResource.class);
        return true;
    }
}
