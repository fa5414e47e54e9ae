package io.admitto.api.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The users file: one {@code name:bcrypt-hash:roles} a line, htpasswd-compatible hashes, errors by line. */
final class LocalUsersTest
{
    @TempDir
    Path folder;

    @Test
    void readsUsersWithTheirRolesAndChecksPasswordsAgainstTheHash()
            throws IOException
    {
        String hash = LocalUsers.hash("correct horse".toCharArray());
        Path file = write("""
                # QA team
                maria:%s:qa_reviewer

                ceo:%s:leadership,analyst
                """.formatted(hash, hash));

        LocalUsers users = LocalUsers.load(file);

        assertThat(users.size()).isEqualTo(2);
        assertThat(users.authenticate("maria", "correct horse".toCharArray()))
                .hasValueSatisfying(user -> assertThat(user.roles()).containsExactly(Role.QA_REVIEWER));
        assertThat(users.authenticate("ceo", "correct horse".toCharArray()))
                .hasValueSatisfying(user -> assertThat(user.roles()).containsExactlyInAnyOrder(Role.LEADERSHIP, Role.ANALYST));
        assertThat(users.authenticate("maria", "wrong".toCharArray())).isEmpty();
        assertThat(users.authenticate("nobody", "correct horse".toCharArray())).isEmpty();
    }

    @Test
    void acceptsHtpasswdBcryptHashes()
            throws IOException
    {
        // htpasswd -nbB -C 5 anna secret
        Path file = write("anna:$2y$05$MwaAdId/fWFJXsnypeYNH.t45aY0JTWh6v4sjDHcj5j3D5LAbj59C:analyst\n");

        assertThat(LocalUsers.load(file).authenticate("anna", "secret".toCharArray())).isPresent();
    }

    @Test
    void namesTheLineAndWhatIsWrongWithIt()
            throws IOException
    {
        String hash = LocalUsers.hash("x".toCharArray());

        assertLoadFails(write("ok:" + hash + ":admin\nbad:" + hash + ":superuser\n"), "line 2", "unknown role 'superuser'");
        assertLoadFails(write("plain:secret:admin\n"), "line 1", "not a bcrypt hash");
        assertLoadFails(write("\nno-roles:" + hash + "\n"), "line 2", "expected name:bcrypt-hash:role");
        assertLoadFails(write("a:" + hash + ":admin\na:" + hash + ":analyst\n"), "listed twice");
        assertLoadFails(write("bad name:" + hash + ":admin\n"), "line 1", "user name");
    }

    private void assertLoadFails(Path file, String... messageParts)
    {
        assertThatThrownBy(() -> LocalUsers.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messageParts)
                .hasMessageContaining(file.toString());
    }

    private Path write(String content)
            throws IOException
    {
        return Files.writeString(Files.createTempFile(folder, "users", ".txt"), content);
    }
}
