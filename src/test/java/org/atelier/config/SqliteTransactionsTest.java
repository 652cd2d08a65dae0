package org.atelier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.atelier.TempHomeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that reads a row and then writes it must not fail because another connection wrote in between
 * (a fit completing while the working spec is saved): SQLite would refuse the deferred transaction's write with
 * SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out.
 */
class SqliteTransactionsTest extends TempHomeTest {
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aReadThenWriteTransactionSurvivesAWriteFromAnotherConnection() throws Exception {
        jdbc.sql("INSERT INTO projects (id, name, created_at, updated_at) VALUES ('p', 'P', 0, 0)").update();
        CountDownLatch read = new CountDownLatch(1);
        CompletableFuture<Integer> other = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                read.await();
                other.complete(jdbc.sql("UPDATE projects SET description = 'other' WHERE id = 'p'").update());
            } catch (RuntimeException | InterruptedException e) {
                other.completeExceptionally(e);
            }
        });
        writer.start();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT name FROM projects WHERE id = 'p'").query(String.class).single();
            read.countDown();
            try {
                other.get(1, TimeUnit.SECONDS); // deferred: the other write lands now; immediate: it waits for us
            } catch (Exception waitingIsExpected) {
                // the other connection is queued behind this transaction
            }
            jdbc.sql("UPDATE projects SET name = 'mine' WHERE id = 'p'").update();
        });
        assertThat(other.get(15, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT name || '/' || description FROM projects WHERE id = 'p'").query(String.class)
                .single()).isEqualTo("mine/other");
    }
}
