package io.github.tldrbot.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@link StoreCopy} turns a value read from SQLite into the value of a PostgreSQL column, chosen
 * by the PostgreSQL column's type. SQLite keeps whatever storage class a value was written with, so
 * each value is checked rather than coerced: the stores write instants as epoch-millisecond
 * integers ({@link SqlValues}), booleans as the integers 0 and 1 ({@code setBoolean}, {@code TRUE}
 * and {@code FALSE} literals) and lists as JSON text, and anything else in such a column stops the
 * copy with the table, column and row named, instead of arriving on PostgreSQL as a silent 0.
 */
enum CopyType {
    BIGINT(Types.BIGINT) {
        @Override
        void bind(PreparedStatement to, int index, Object value) throws SQLException {
            to.setLong(index, integral(value, Long.MIN_VALUE, Long.MAX_VALUE));
        }
    },
    INTEGER(Types.INTEGER) {
        @Override
        void bind(PreparedStatement to, int index, Object value) throws SQLException {
            to.setInt(index, (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
    },
    SMALLINT(Types.SMALLINT) {
        @Override
        void bind(PreparedStatement to, int index, Object value) throws SQLException {
            to.setShort(index, (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE));
        }
    },
    BOOLEAN(Types.BOOLEAN) {
        @Override
        void bind(PreparedStatement to, int index, Object value) throws SQLException {
            long bit = integral(value, 0, 1);
            to.setBoolean(index, bit == 1);
        }
    },
    TEXT(Types.VARCHAR) {
        @Override
        void bind(PreparedStatement to, int index, Object value) throws SQLException {
            if (value instanceof byte[]) {
                throw new IllegalArgumentException("a BLOB where text belongs");
            }
            // a number in a column of TEXT affinity is stored as text by SQLite; this covers any other affinity
            to.setString(index, value.toString());
        }
    },
    DOUBLE(Types.DOUBLE) {
        @Override
        void bind(PreparedStatement to, int index, Object value) throws SQLException {
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException("'" + value + "' where a number belongs");
            }
            to.setDouble(index, number.doubleValue());
        }
    },
    NUMERIC(Types.NUMERIC) {
        @Override
        void bind(PreparedStatement to, int index, Object value) throws SQLException {
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException("'" + value + "' where a number belongs");
            }
            to.setBigDecimal(index, new BigDecimal(number.toString()));
        }
    },
    BYTES(Types.BINARY) {
        @Override
        void bind(PreparedStatement to, int index, Object value) throws SQLException {
            if (!(value instanceof byte[] bytes)) {
                throw new IllegalArgumentException("text where a BLOB belongs");
            }
            to.setBytes(index, bytes);
        }
    };

    private final int sqlType;

    CopyType(int sqlType) {
        this.sqlType = sqlType;
    }

    /** Binds a non-null value read from SQLite; throws {@link IllegalArgumentException} saying why it does not fit. */
    abstract void bind(PreparedStatement to, int index, Object value) throws SQLException;

    /**
     * Reads column {@code fromIndex} of the current SQLite row and binds it as parameter
     * {@code toIndex}; a value that does not fit throws {@link IllegalArgumentException} saying why
     * (the caller names the table, column and row).
     */
    void copy(ResultSet from, int fromIndex, PreparedStatement to, int toIndex) throws SQLException {
        Object value = from.getObject(fromIndex);
        if (value == null) {
            setNull(to, toIndex);
        } else {
            bind(to, toIndex, value);
        }
    }

    void setNull(PreparedStatement to, int index) throws SQLException {
        to.setNull(index, sqlType);
    }

    /** The copy type of a PostgreSQL column by its {@code information_schema.columns.data_type}, if there is one. */
    static Optional<CopyType> forPostgres(String dataType) {
        return Optional.ofNullable(switch (dataType.toLowerCase(Locale.ROOT)) {
            case "bigint" -> BIGINT;
            case "integer" -> INTEGER;
            case "smallint" -> SMALLINT;
            case "boolean" -> BOOLEAN;
            case "text", "character varying", "character" -> TEXT;
            case "double precision", "real" -> DOUBLE;
            case "numeric" -> NUMERIC;
            case "bytea" -> BYTES;
            default -> null;
        });
    }

    private static long integral(Object value, long min, long max) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof Short)) {
            throw new IllegalArgumentException("'" + value + "' (" + kind(value) + ") where an integer belongs");
        }
        long v = ((Number) value).longValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " is outside " + min + ".." + max);
        }
        return v;
    }

    private static String kind(Object value) {
        return value instanceof String ? "text" : value instanceof Double ? "a real number" : value.getClass().getSimpleName();
    }
}
