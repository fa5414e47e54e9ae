package io.admitto.launcher;

import io.admitto.api.security.LocalUsers;
import io.admitto.api.security.OidcConfig;
import io.admitto.api.security.Role;
import io.admitto.api.security.SecurityConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code serve} authenticates: a users file, the demo users, and/or an OIDC provider; see docs/security.md.
 * The metrics scrape token comes from the environment ({@value #METRICS_TOKEN_ENV}) so that it is not
 * visible in the process list.
 */
final class SecurityOptions {
    static final String METRICS_TOKEN_ENV = "ADMITTO_METRICS_TOKEN";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--users", paramLabel = "FILE",
            description = "Users file: one 'name:bcrypt-hash:role[,role]' a line (roles: qa_reviewer, leadership, analyst, admin).")
    Path users;

    @Option(names = "--demo-users", description = "Let the demo logins in (qa/qa-demo, lead/lead-demo, analyst/analyst-demo, admin/admin-demo).")
    boolean demoUsers;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the API keeps its audit log and review decisions (default: <warehouse>/_api).")
    Path stateDirectory;

    @Option(names = "--session-hours", defaultValue = "8", description = "Lifetime of a login (default: ${DEFAULT-VALUE} h).")
    int sessionHours;

    @Option(names = "--secure-cookies", description = "Mark the session cookie Secure (when users reach the server over HTTPS).")
    boolean secureCookies;

    @Option(names = "--oidc-issuer", paramLabel = "URL", description = "OIDC: accept bearer JWTs whose iss is this.")
    URI oidcIssuer;

    @Option(names = "--oidc-audience", description = "OIDC: the aud the tokens must carry (the API's client id).")
    String oidcAudience;

    @Option(names = "--oidc-jwks-url", paramLabel = "URL", description = "OIDC: the provider's signing keys (https).")
    URI oidcJwksUrl;

    @Option(names = "--oidc-role-claim", defaultValue = OidcConfig.DEFAULT_ROLE_CLAIM,
            description = "OIDC: claim with the user's roles or groups; dots reach into objects (default: ${DEFAULT-VALUE}).")
    String oidcRoleClaim;

    @Option(names = "--oidc-role", paramLabel = "VALUE=ROLE",
            description = "OIDC: a role claim value granting an Admitto role, e.g. QA-Team=qa_reviewer; repeatable "
                    + "(default: the values qa_reviewer, leadership, analyst and admin themselves).")
    Map<String, String> oidcRoles = new HashMap<>();

    @Option(names = "--oidc-user-claim", defaultValue = OidcConfig.DEFAULT_USER_NAME_CLAIM,
            description = "OIDC: claim naming the user in the audit log (default: ${DEFAULT-VALUE}; sub when absent).")
    String oidcUserClaim;

    SecurityConfig toConfig() {
        SecurityConfig config = SecurityConfig.noLogins()
                .withSessionLifetime(Duration.ofHours(sessionHours))
                .withSecureCookies(secureCookies);
        List<LocalUsers.LocalUser> localUsers = new java.util.ArrayList<>();
        if (users != null) {
            try {
                localUsers.addAll(LocalUsers.load(users).users());
            }
            catch (RuntimeException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (demoUsers) {
            localUsers.addAll(io.admitto.api.security.DemoUsers.localUsers().users());
        }
        config = config.withLocalUsers(new LocalUsers(localUsers));
        if (oidcIssuer != null || oidcAudience != null || oidcJwksUrl != null) {
            if (oidcIssuer == null || oidcAudience == null || oidcJwksUrl == null) {
                throw new ParameterException(spec.commandLine(), "OIDC needs all of --oidc-issuer, --oidc-audience and --oidc-jwks-url");
            }
            Map<String, Role> mapping = oidcRoles.isEmpty() ? OidcConfig.wireNameMapping() : new HashMap<>();
            oidcRoles.forEach((value, role) -> {
                try {
                    mapping.put(value, Role.fromWireName(role));
                }
                catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--oidc-role " + value + "=" + role
                            + ": unknown role (roles: qa_reviewer, leadership, analyst, admin)");
                }
            });
            try {
                config = config.withOidc(new OidcConfig(oidcIssuer, oidcAudience, oidcJwksUrl, oidcRoleClaim, mapping, oidcUserClaim));
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        String metricsToken = System.getenv(METRICS_TOKEN_ENV);
        if (metricsToken != null && !metricsToken.isBlank()) {
            config = config.withMetricsScrapeToken(metricsToken.strip());
        }
        if (!config.allowsAnyLogin()) {
            throw new ParameterException(spec.commandLine(),
                    "Nobody could log in: give --users FILE, --demo-users, or the --oidc-* options (see docs/security.md)");
        }
        return config;
    }
}
