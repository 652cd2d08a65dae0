package org.atelier.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The embedded SQLite database under ATELIER_HOME, its Spring Data JDBC dialect and the clock. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackages = "org.atelier")
public class StorageConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * SQLite has no timestamp type. Spring Data JDBC writes an Instant as a JDBC Timestamp, which the SQLite
     * driver stores as epoch milliseconds in an INTEGER column; reading needs the way back.
     */
    @Bean
    JdbcCustomConversions jdbcCustomConversions() {
        return new JdbcCustomConversions(List.of(EpochMillisToInstant.INSTANCE, IntegerToBoolean.INSTANCE));
    }

    /** SQLite has no boolean type either: the driver stores 0/1 and hands back an Integer. */
    @ReadingConverter
    enum IntegerToBoolean implements Converter<Integer, Boolean> {
        INSTANCE;

        @Override
        public Boolean convert(Integer source) {
            return source != 0;
        }
    }

    @ReadingConverter
    enum EpochMillisToInstant implements Converter<Long, Instant> {
        INSTANCE;

        @Override
        public Instant convert(Long source) {
            return Instant.ofEpochMilli(source);
        }
    }

    @Bean
    JdbcDialect jdbcDialect() {
        return SqliteDialect.INSTANCE;
    }

    /** Every transaction of this process waits its turn in the JVM, so SQLite never sees two of them contend. */
    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new SingleWriterTransactionManager(dataSource);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(AtelierProperties properties) {
        try {
            Files.createDirectories(properties.projectsDir());
            Files.createDirectories(properties.uploadsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Atelier's data folder " + properties.home(), e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        // WAL lets the UI read while a background fit writes; foreign keys keep datasets and models tied
        // to their project; the busy timeout lets a writer of another process (or an autocommit statement) wait for the
        // lock instead of failing; writers of this process queue in SingleWriterTransactionManager first.
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(30_000);
        // A transaction that reads a row and then writes it (complete a fit, store its diagnostics) must hold the
        // write lock from its start: begun deferred, its read snapshot goes stale as soon as another connection
        // writes (the working spec saved while a fit ends), and SQLite refuses the write with SQLITE_BUSY_SNAPSHOT,
        // which no busy timeout can wait out. IMMEDIATE makes such transactions queue behind each other instead.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqliteDataSource = new SQLiteDataSource(sqlite);
        sqliteDataSource.setUrl("jdbc:sqlite:" + properties.database());

        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqliteDataSource);
        pool.setPoolName("atelier-sqlite");
        pool.setMaximumPoolSize(4);
        return new HikariDataSource(pool);
    }
}
