package org.atelier.config;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Retries a write that SQLite refused because the database was busy or locked (another process writing, or a
 * busy timeout run out under heavy load). The records that end a fit go through here: a fit that ran for minutes
 * must not be left "fitting" because its last write met a busy database once.
 */
public final class SqliteBusy {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteBusy.class);
    static final int ATTEMPTS = 5;
    private static final long FIRST_PAUSE_MS = 200;

    private SqliteBusy() {
    }

    public static void retrying(String what, Runnable write) {
        retrying(what, () -> {
            write.run();
            return null;
        });
    }

    public static <T> T retrying(String what, Supplier<T> write) {
        long pause = FIRST_PAUSE_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!isBusy(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn("{}: database busy (attempt {} of {}), retrying in {} ms", what, attempt, ATTEMPTS, pause);
                sleep(pause);
                pause *= 2;
            }
        }
    }

    /** SQLITE_BUSY or SQLITE_LOCKED in any of their extended forms, anywhere in the cause chain. */
    public static boolean isBusy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                int primary = code == null ? -1 : code.code & 0xFF;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            } else if (cause instanceof SQLException sql && (sql.getErrorCode() & 0xFF) == 5) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // the write must still happen (a cancelled fit's record): keep the flag for the caller, stop waiting
            Thread.currentThread().interrupt();
        }
    }
}
