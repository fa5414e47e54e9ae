package io.admitto.api.security;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The users who log in with a password, each with a bcrypt hash and roles. The users file has one user
 * a line, {@code name:bcrypt-hash:role[,role...]}, so the output of {@code htpasswd -nbB name password}
 * plus {@code :qa_reviewer} is a valid line; {@code #} starts a comment.
 */
public final class LocalUsers
{
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    /**
     * Checked when the user name is unknown, so that a wrong name takes as long as a wrong password and
     * response times do not tell which user names exist. (The hash of a random string at the default cost.)
     */
    private static final byte[] DECOY_HASH = "$2a$12$2XrtYF7rZ.abyLmqii3rW.zt7vVx9gU9Pq9S2wbk1quNc4xgQOgI6".getBytes(StandardCharsets.UTF_8);

    private final Map<String, LocalUser> users;

    /** A user's stored credentials. */
    public record LocalUser(String name, String passwordHash, Set<Role> roles)
    {
        public LocalUser
        {
            requireNonNull(name, "name is null");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("user name must be 1-64 letters, digits or . _ @ -: " + name);
            }
            requireNonNull(passwordHash, "passwordHash is null");
            if (!BCRYPT.matcher(passwordHash).matches()) {
                throw new IllegalArgumentException("password hash of " + name + " is not a bcrypt hash ($2a$, $2b$ or $2y$)");
            }
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("user " + name + " has no role");
            }
            roles = Set.copyOf(EnumSet.copyOf(roles));
        }
    }

    public LocalUsers(List<LocalUser> users)
    {
        Map<String, LocalUser> byName = new LinkedHashMap<>();
        for (LocalUser user : users) {
            if (byName.putIfAbsent(user.name(), user) != null) {
                throw new IllegalArgumentException("user " + user.name() + " is listed twice");
            }
        }
        this.users = Map.copyOf(byName);
    }

    /** Nobody can log in with a password (the server then accepts only OIDC tokens, if configured). */
    public static LocalUsers none()
    {
        return new LocalUsers(List.of());
    }

    /** Reads a users file; a bad line fails with its number and what is wrong with it. */
    public static LocalUsers load(Path file)
    {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + file, e);
        }
        List<LocalUser> users = new java.util.ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                users.add(parse(line));
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Users file " + file + " line " + (index + 1) + ": " + e.getMessage(), e);
            }
        }
        try {
            return new LocalUsers(users);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Users file " + file + ": " + e.getMessage(), e);
        }
    }

    private static LocalUser parse(String line)
    {
        String[] parts = line.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected name:bcrypt-hash:role[,role...], found " + parts.length + " fields");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : parts[2].split(",")) {
            try {
                roles.add(Role.fromWireName(role.strip()));
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role '" + role.strip() + "' (roles: qa_reviewer, leadership, analyst, admin)");
            }
        }
        return new LocalUser(parts[0], parts[1], roles);
    }

    /** The user, when the password is theirs. Takes the same time for unknown names as for wrong passwords. */
    public Optional<User> authenticate(String name, char[] password)
    {
        LocalUser user = users.get(name);
        byte[] hash = user == null ? DECOY_HASH : user.passwordHash().getBytes(StandardCharsets.UTF_8);
        boolean verified = BCrypt.verifyer().verify(password, hash).verified;
        if (user == null || !verified) {
            return Optional.empty();
        }
        return Optional.of(new User(user.name(), user.roles(), User.Authentication.PASSWORD));
    }

    /** Every user, in no particular order. */
    public List<LocalUser> users()
    {
        return List.copyOf(users.values());
    }

    public boolean isEmpty()
    {
        return users.isEmpty();
    }

    public int size()
    {
        return users.size();
    }

    /** A bcrypt hash of the password, for a users file line. */
    public static String hash(char[] password)
    {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password);
    }

    /** 2^12 rounds: about a quarter second on a current core, slow for guessing, bearable for a login. */
    public static final int BCRYPT_COST = 12;
}
