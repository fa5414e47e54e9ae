package io.admitto.dashboards.page;

/**
 * The dashboards' Content-Security-Policy: scripts, data and images only from this server, so an
 * injected {@code <script>} or a foreign script URL does not run. Styles also allow inline: ECharts
 * writes its tooltips as HTML with {@code style} attributes.
 */
final class ContentSecurityPolicy
{
    static final String HEADER = "Content-Security-Policy";

    static final String POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private ContentSecurityPolicy() {}
}
