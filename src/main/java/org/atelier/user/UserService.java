package org.atelier.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users who may log in when Atelier asks for a login: added, disabled, re-enabled and given a new password
 * by an administrator (on the administrator's page or with the {@code user} command). Passwords are kept only as
 * hashes of the delegating password encoder (bcrypt today, its id stored with each hash).
 */
@Service
public class UserService {
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public UserService(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A user and the stored hash, for the login check only. */
    public record Credentials(UserAccount account, String passwordHash) {
    }

    @Transactional
    public UserAccount add(String username, String password, Role role) {
        String name = validName(username);
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("User " + name + " already exists");
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO users (username, password_hash, role, enabled, created_at) VALUES (?, ?, ?, 1, ?)")
                .params(name, encoder.encode(validPassword(password)), role.name(), now.toEpochMilli()).update();
        return new UserAccount(name, role, true, Instant.ofEpochMilli(now.toEpochMilli()));
    }

    public List<UserAccount> list() {
        return jdbc.sql("SELECT username, role, enabled, created_at FROM users ORDER BY username")
                .query((rs, i) -> new UserAccount(rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getInt("enabled") == 1, Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    public Optional<UserAccount> find(String username) {
        return credentials(username).map(Credentials::account);
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled, created_at FROM users WHERE username = ?")
                .param(username)
                .query((rs, i) -> new Credentials(new UserAccount(rs.getString("username"),
                        Role.valueOf(rs.getString("role")), rs.getInt("enabled") == 1,
                        Instant.ofEpochMilli(rs.getLong("created_at"))), rs.getString("password_hash")))
                .optional();
    }

    /** True once any administrator can log in: until then the start-up line says how to add one. */
    public boolean hasEnabledAdmin() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND enabled = 1").query(Integer.class)
                .single() > 0;
    }

    @Transactional
    public void resetPassword(String username, String password) {
        String hash = encoder.encode(validPassword(password));
        existing(username);
        jdbc.sql("UPDATE users SET password_hash = ? WHERE username = ?").params(hash, username).update();
    }

    /** Disabling keeps the user's name on what they made; they can no longer log in. */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        UserAccount user = existing(username);
        if (!enabled && user.admin() && user.enabled() && enabledAdmins() == 1) {
            throw new IllegalArgumentException("User " + username
                    + " is the only enabled administrator; add or enable another one first");
        }
        jdbc.sql("UPDATE users SET enabled = ? WHERE username = ?").params(enabled ? 1 : 0, username).update();
    }

    private int enabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND enabled = 1").query(Integer.class)
                .single();
    }

    private UserAccount existing(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException("No user named " + username));
    }

    static String validName(String username) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("User name '" + name + "' is not allowed: use 1 to 64 letters, digits,"
                    + " dots, dashes, underscores or @, starting with a letter or digit");
        }
        return name;
    }

    static String validPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            // bcrypt reads only the first 72 bytes: a longer password would be silently cut
            throw new IllegalArgumentException("The password must have at most 72 bytes (72 plain letters)");
        }
        return password;
    }
}
