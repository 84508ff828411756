package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts in the {@code users} and {@code user_roles} tables. */
public record JdbcUsers(JdbcClient jdbc) implements Users {

    private static final String SELECT = """
            SELECT u.id, u.email, u.first_name, u.last_name, u.password_hash, u.email_verified, u.enabled,
                   u.created_at, u.tokens_valid_after, array_agg(r.role ORDER BY r.role) AS roles
            FROM users u JOIN user_roles r ON r.user_id = u.id
            """;

    @Override
    public Optional<User> findById(UserId id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id GROUP BY u.id").param("id", id.value()).query(JdbcUsers::user).optional();
    }

    @Override
    public List<User> list(int limit) {
        return jdbc.sql(SELECT + " GROUP BY u.id ORDER BY u.created_at DESC, u.id LIMIT :limit").param("limit", limit).query(JdbcUsers::user).list();
    }

    @Override
    public List<User> search(String emailPart, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE lower(u.email) LIKE :pattern GROUP BY u.id ORDER BY u.created_at DESC, u.id LIMIT :limit OFFSET :offset")
                .param("pattern", containing(emailPart))
                .param("limit", limit)
                .param("offset", offset)
                .query(JdbcUsers::user)
                .list();
    }

    @Override
    public long countMatching(String emailPart) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(email) LIKE :pattern").param("pattern", containing(emailPart))
                .query(Long.class).single();
    }

    /** A LIKE pattern (backslash escapes, PostgreSQL's default) for addresses containing the text, its wildcards taken literally. */
    private static String containing(String emailPart) {
        String literal = emailPart.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return jdbc.sql(SELECT + " WHERE lower(u.email) = :email GROUP BY u.id")
                .param("email", email.value())
                .query(JdbcUsers::user)
                .optional();
    }

    @Override
    public Optional<User> findByIdForChange(UserId id) {
        // FOR NO KEY UPDATE does not go with GROUP BY: the row is locked, then read. NO KEY: sessions and tokens referring
        // to the account may still be added meanwhile.
        return jdbc.sql("SELECT id FROM users WHERE id = :id FOR NO KEY UPDATE").param("id", id.value()).query(UUID.class).optional()
                .flatMap(held -> findById(id));
    }

    @Override
    public Optional<User> findByEmailForChange(EmailAddress email) {
        return jdbc.sql("SELECT id FROM users WHERE lower(email) = :email FOR NO KEY UPDATE").param("email", email.value()).query(UUID.class)
                .optional().flatMap(held -> findById(new UserId(held)));
    }

    @Override
    public boolean add(User user) {
        int inserted = jdbc.sql("""
                        INSERT INTO users (id, email, first_name, last_name, password_hash, email_verified, enabled,
                                           tokens_valid_after, created_at, updated_at)
                        VALUES (:id, :email, :firstName, :lastName, :passwordHash, :emailVerified, :enabled,
                                :tokensValidAfter, :createdAt, :createdAt)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", user.id().value())
                .param("email", user.email().value())
                .param("firstName", user.firstName())
                .param("lastName", user.lastName())
                .param("passwordHash", user.passwordHash())
                .param("emailVerified", user.emailVerified())
                .param("enabled", user.enabled())
                .param("tokensValidAfter", utc(user.tokensValidAfter().orElse(null)))
                .param("createdAt", utc(user.createdAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        writeRoles(user);
        return true;
    }

    @Override
    public void update(User user) {
        int updated = jdbc.sql("""
                        UPDATE users
                        SET password_hash = :passwordHash, email_verified = :emailVerified, enabled = :enabled,
                            tokens_valid_after = greatest(tokens_valid_after, :tokensValidAfter), updated_at = now()
                        WHERE id = :id
                        """)
                .param("id", user.id().value())
                .param("passwordHash", user.passwordHash())
                .param("emailVerified", user.emailVerified())
                .param("enabled", user.enabled())
                .param("tokensValidAfter", utc(user.tokensValidAfter().orElse(null)))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("no user " + user.id() + " to update");
        }
        jdbc.sql("DELETE FROM user_roles WHERE user_id = :id").param("id", user.id().value()).update();
        writeRoles(user);
    }

    @Override
    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_roles WHERE role = :role)").param("role", role.name())
                .query(Boolean.class).single();
    }

    @Override
    public long holdUnlockedWithRole(Role role) {
        // One lock per role, held to the end of the transaction, taken before counting: two admins demoting (or locking) each
        // other at once queue here, and the second counts with a statement that starts after the first committed (Read
        // Committed takes a fresh snapshot per statement). Row locks alone would not do: a waiter re-checks the locked users
        // row, not the user_roles row the other transaction deleted, and both would see two admins.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('role-holders:' || :role, 0))").param("role", role.name())
                .query((row, number) -> 1).single();
        // FOR UPDATE does not go with count(*): the rows are locked, then counted.
        return jdbc.sql("""
                        SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
                        WHERE r.role = :role AND u.enabled
                        ORDER BY u.id
                        FOR UPDATE OF u
                        """)
                .param("role", role.name())
                .query(UUID.class)
                .list()
                .size();
    }

    private void writeRoles(User user) {
        for (Role role : user.roles()) {
            jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:id, :role)")
                    .param("id", user.id().value())
                    .param("role", role.name())
                    .update();
        }
    }

    private static User user(ResultSet row, int number) throws SQLException {
        Set<Role> roles = Arrays.stream((String[]) row.getArray("roles").getArray())
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new User(new UserId(row.getObject("id", UUID.class)), new EmailAddress(row.getString("email")),
                row.getString("first_name"), row.getString("last_name"), row.getString("password_hash"), roles,
                row.getBoolean("email_verified"), row.getBoolean("enabled"), instant(row, "created_at"),
                instant(row, "tokens_valid_after"));
    }
}
