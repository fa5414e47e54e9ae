package io.admitto.launcher;

import io.admitto.api.server.ReportingServer;
import io.admitto.api.server.ReportingServerConfig;
import io.admitto.dashboards.DashboardsFeature;

import java.util.List;

/** The reporting API with the dashboards registered into it: what {@code serve} and {@code demo} run. */
final class Servers {
    private Servers() {}

    static ReportingServer start(ReportingServerConfig config) {
        ReportingServer server = new ReportingServer(config, List.of(new DashboardsFeature()));
        try {
            server.start();
            return server;
        }
        catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
