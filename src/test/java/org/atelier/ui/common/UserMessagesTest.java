package org.atelier.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A database error reaches the user as one plain line, without its SQL or driver text (which go to the log). */
class UserMessagesTest {
    @Test
    void aBusyDatabaseSaysSoWithoutTheSql() {
        var busy = new UncategorizedSQLException("ConnectionCallback",
                "INSERT INTO models (id, project_id) VALUES (?, ?)",
                new SQLiteException("[SQLITE_BUSY] The database file is locked (database is locked)",
                        SQLiteErrorCode.SQLITE_BUSY));
        String message = UserMessages.of(new CompletionException(busy));
        assertThat(message).isEqualTo(UserMessages.DATABASE_BUSY).doesNotContain("INSERT", "SQLITE");
    }

    @Test
    void anyOtherDatabaseErrorPointsToTheServerLog() {
        var constraint = new org.springframework.dao.DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [UPDATE models SET status = ?]; [SQLITE_CONSTRAINT]");
        assertThat(UserMessages.of(constraint)).isEqualTo(UserMessages.DATABASE_FAILED).doesNotContain("SQL");
    }

    @Test
    void ourOwnMessagesPassAsTheyAre() {
        assertThat(UserMessages.of(new IllegalArgumentException("Model name is 300 characters long")))
                .isEqualTo("Model name is 300 characters long");
    }
}
