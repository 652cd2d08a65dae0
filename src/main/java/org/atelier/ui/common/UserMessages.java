package org.atelier.ui.common;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.atelier.config.SqliteBusy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Turns an exception into the one line a user reads: our own messages as they are, never a stack trace. A database
 * error's message holds SQL and driver text that mean nothing to a user (and show the schema to every visitor): it
 * is logged on the server with its stack trace, and the user reads what happened and what to do.
 */
public final class UserMessages {
    private static final Logger LOG = LoggerFactory.getLogger(UserMessages.class);
    static final String DATABASE_BUSY = "Atelier's database is busy with other work; try again in a moment";
    static final String DATABASE_FAILED = "Atelier's database could not complete this; the details are in the"
            + " server log";

    private UserMessages() {
    }

    public static String of(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (isDatabaseError(cause)) {
            LOG.error("Database error shown to a user as a one-line message", cause);
            return SqliteBusy.isBusy(cause) ? DATABASE_BUSY : DATABASE_FAILED;
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "Unexpected error (" + cause.getClass().getSimpleName() + ")";
        }
        return message;
    }

    private static boolean isDatabaseError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException
                    || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a button is disabled, as the service would refuse it: "Only alice (who created it) or an administrator
     * can delete it".
     */
    public static String onlyAuthorMay(String author, String action) {
        return (author == null ? "Only an administrator" : "Only " + author + " (who created it) or an administrator")
                + " can " + action;
    }
}
