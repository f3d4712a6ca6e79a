package io.github.tldrbot.store;

import java.sql.SQLException;

/** A unit of JDBC work that may throw {@link SQLException}; {@link Database} turns that into {@link DatabaseException}. */
@FunctionalInterface
public interface SqlFunction<A, R> {
    R apply(A argument) throws SQLException;
}
