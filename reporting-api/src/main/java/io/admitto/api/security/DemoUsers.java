package io.admitto.api.security;

import java.util.List;
import java.util.Set;

/**
 * The published logins of {@code admitto demo}, one per role. Their passwords are in the README, so a
 * server with these users must only listen on loopback and hold synthetic data.
 */
public final class DemoUsers
{
    /** A demo user name, its password and its one role. */
    public record DemoLogin(String name, String password, Role role) {}

    // bcrypt cost 10 hashes of the passwords beside them, made once so that starting a server costs no hashing.
    private static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("qa", "qa-demo", Role.QA_REVIEWER),
            new DemoLogin("lead", "lead-demo", Role.LEADERSHIP),
            new DemoLogin("analyst", "analyst-demo", Role.ANALYST),
            new DemoLogin("admin", "admin-demo", Role.ADMIN));
    private static final List<String> HASHES = List.of(
            "$2a$10$mDRBL/D/R5/Cn/LcTPqz7ebiVN9m7wu7uMFJAqcg.t9IzOUdrPzGG",
            "$2a$10$veLCQlklx2w0Kr1Y/i46fuESiC38ARHVWQ9XWscewsqa1Nhx3lI/W",
            "$2a$10$qSSVPmVOKL/oCIOBVPx.KOfotNUnvy77AJwLWo2ZZOMTPxN5g12um",
            "$2a$10$wVxrBymFO8sXsDVSdQLj1OGEtX8EZDGwh1t7waW8W3GuUwt2ye7MW");

    private DemoUsers() {}

    public static List<DemoLogin> logins()
    {
        return LOGINS;
    }

    public static DemoLogin forRole(Role role)
    {
        return LOGINS.stream()
                .filter(login -> login.role() == role)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user for " + role));
    }

    public static LocalUsers localUsers()
    {
        List<LocalUsers.LocalUser> users = new java.util.ArrayList<>();
        for (int index = 0; index < LOGINS.size(); index++) {
            DemoLogin login = LOGINS.get(index);
            users.add(new LocalUsers.LocalUser(login.name(), HASHES.get(index), Set.of(login.role())));
        }
        return new LocalUsers(users);
    }
}
