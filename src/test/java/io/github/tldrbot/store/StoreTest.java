package io.github.tldrbot.store;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that runs once on each store, SQLite and PostgreSQL ({@link EachStore}), each time with a
 * fresh database. The test and its {@code @BeforeEach}/{@code @AfterEach} methods may take a
 * {@link Database} (the test's, migrated), a {@link TestDatabase} (to reopen it, read its URL) or
 * a {@link StoreKind} parameter; the database is closed and deleted after the test.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachStore.class)
public @interface StoreTest {
}
