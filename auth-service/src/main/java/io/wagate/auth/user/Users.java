package io.wagate.auth.user;

import io.wagate.auth.shared.AuthProblems;
import io.wagate.auth.shared.Ids;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The user table. Emails are lower-cased on the way in, so lookups and uniqueness ignore case. */
@Component
public class Users {

    private static final String COLUMNS = "id, email, name, password_hash, operator";

    private final DatabaseClient database;

    Users(DatabaseClient database) {
        this.database = database;
    }

    public static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public Mono<UserAccount> findByEmail(String email) {
        return database.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = :email")
                .bind("email", normalize(email))
                .map((row, meta) -> read(row))
                .one();
    }

    public Mono<UserAccount> findById(UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id)
                .map((row, meta) -> read(row))
                .one();
    }

    /** Inserts a user; an email that exists already is the email-taken problem. */
    public Mono<UUID> create(String email, String name, String passwordHash) {
        UUID id = Ids.newId();
        return database.sql("INSERT INTO users (id, email, name, password_hash) VALUES (:id, :email, :name, :hash)")
                .bind("id", id)
                .bind("email", normalize(email))
                .bind("name", name.strip())
                .bind("hash", passwordHash)
                .then()
                .onErrorMap(DuplicateKeyException.class, e -> AuthProblems.emailTaken())
                .thenReturn(id);
    }

    private static UserAccount read(io.r2dbc.spi.Readable row) {
        return new UserAccount(row.get("id", UUID.class), row.get("email", String.class), row.get("name", String.class),
                row.get("password_hash", String.class), Boolean.TRUE.equals(row.get("operator", Boolean.class)));
    }
}
