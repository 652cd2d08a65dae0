package org.atelier.config;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;

/**
 * SQLite has one writer at a time; left to itself, every other writer polls the database lock with growing
 * sleeps until its busy timeout, and under five users fitting at once some waiters lost that race again and again
 * and failed with SQLITE_BUSY. Here every transaction (they all begin IMMEDIATE, so each takes SQLite's write lock)
 * first takes one fair lock in the JVM: writers queue in arrival order, none starves, and SQLite sees no contention
 * from this process at all. The lock is taken before a pooled connection, so queued writers hold no connection and
 * readers outside transactions keep reading (WAL) while a write runs. SQLite's busy timeout stays as the guard
 * against other processes and against single autocommit statements, which SQLite itself retries.
 */
final class SingleWriterTransactionManager extends JdbcTransactionManager {
    /** Longer than any write here (a model's results are a few MB): reaching it means something is stuck. */
    static final long WAIT_SECONDS = 120;

    private final transient ReentrantLock writer = new ReentrantLock(true);

    SingleWriterTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        acquire();
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException | Error e) {
            writer.unlock();
            throw e;
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            if (writer.isHeldByCurrentThread()) {
                writer.unlock();
            }
        }
    }

    /** For tests and diagnostics: whether a transaction is running now. */
    boolean isWriting() {
        return writer.isLocked();
    }

    private void acquire() {
        try {
            if (!writer.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new CannotCreateTransactionException("Waited " + WAIT_SECONDS
                        + " s for the database: another write did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotCreateTransactionException("Interrupted while waiting for the database", e);
        }
    }
}
