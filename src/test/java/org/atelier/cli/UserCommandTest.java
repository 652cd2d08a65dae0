package org.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.atelier.user.Role;
import org.atelier.user.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user add/reset/disable/enable/list} on a fresh ATELIER_HOME, as done before the first shared start. */
class UserCommandTest {
    @TempDir
    Path home;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String stdin, String... args) {
        out.reset();
        err.reset();
        return UserCommand.run(args, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theFirstAdministratorIsAddedToANewHomeAndCanThenLogIn() {
        assertThat(run("s3cret password\n", "add", "ada", "--admin", "--home", home.toString())).isZero();
        assertThat(out.toString()).startsWith("Added administrator ada in " + home);
        assertThat(run("another password\n", "add", "bo", "--home=" + home)).isZero();
        assertThat(run("", "list", "--home", home.toString())).isZero();
        assertThat(out.toString()).isEqualTo("ada\tadmin\tenabled\nbo\tuser\tenabled\n");

        UserService users = UserCommand.open(home);
        UserService.Credentials ada = users.credentials("ada").orElseThrow();
        assertThat(ada.account().role()).isEqualTo(Role.ADMIN);
        assertThat(ada.passwordHash()).startsWith("{bcrypt}$2").doesNotContain("s3cret");
        assertThat(org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("s3cret password", ada.passwordHash())).isTrue();
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertThat(run("short\n", "add", "ada", "--admin", "--home", home.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: The password must have at least 10 characters\n");
        assertThat(run("long enough password\n", "add", "no spaces", "--home", home.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("Error: User name 'no spaces' is not allowed");
        assertThat(run("long enough password\n", "add", "ada", "--admin", "--home", home.toString())).isZero();
        assertThat(run("long enough password\n", "add", "ada", "--home", home.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: User ada already exists\n");
        assertThat(run("", "disable", "ada", "--home", home.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(
                "Error: User ada is the only enabled administrator; add or enable another one first\n");
        assertThat(run("", "reset", "nobody", "--home", home.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: No password on standard input\n");
        assertThat(run("a new password\n", "reset", "nobody", "--home", home.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: No user named nobody\n");
        assertThat(run("", "remove", "ada", "--home", home.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: cannot read 'remove ada'\nUsage: java -jar atelier.jar user add");
    }

    @Test
    void disablingAndResettingTakeEffect() {
        run("first password\n", "add", "ada", "--admin", "--home", home.toString());
        run("user password\n", "add", "bo", "--home", home.toString());
        assertThat(run("", "disable", "bo", "--home", home.toString())).isZero();
        assertThat(run("a brand new one\n", "reset", "bo", "--home", home.toString())).isZero();
        UserService.Credentials bo = UserCommand.open(home).credentials("bo").orElseThrow();
        assertThat(bo.account().enabled()).isFalse();
        assertThat(org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder()
                .matches("a brand new one", bo.passwordHash())).isTrue();
        assertThat(run("", "enable", "bo", "--home", home.toString())).isZero();
        assertThat(UserCommand.open(home).find("bo").orElseThrow().enabled()).isTrue();
    }
}
