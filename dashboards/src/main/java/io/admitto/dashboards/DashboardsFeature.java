package io.admitto.dashboards;

import io.admitto.dashboards.chart.RegistrationVolumeChartResource;
import io.admitto.dashboards.denials.DenialBreakdownResource;
import io.admitto.dashboards.page.AssetsResource;
import io.admitto.dashboards.page.DashboardPagesResource;
import io.admitto.dashboards.page.LoginPageResource;
import io.admitto.dashboards.waits.WaitHeatmapResource;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * The dashboards, as a JAX-RS feature for the reporting server:
 *
 * <pre>{@code
 * new ReportingServer(config, List.of(new DashboardsFeature()))
 * }</pre>
 *
 * It adds the login page at {@code /login}, the pages ({@code /} registration volume, {@code /leadership}, {@code /queue}, {@code /denials},
 * {@code /wait-times}, {@code /scorecards}; docs/dashboards.md), their scripts and styles under
 * {@code /assets/} (ECharts itself from the webjar on the classpath, never a CDN) and the chart data the
 * report endpoints do not give under {@code /api/charts/}.
 */
public final class DashboardsFeature
        implements Feature
{
    @Override
    public boolean configure(FeatureContext context)
    {
        context.register(DashboardPagesResource.class);
        context.register(LoginPageResource.class);
        context.register(AssetsResource.class);
        context.register(RegistrationVolumeChartResource.class);
        context.register(WaitHeatmapResource.class);
        context.register(DenialBreakdownResource.class);
        return true;
    }
}
