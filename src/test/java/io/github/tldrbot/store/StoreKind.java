package io.github.tldrbot.store;

/** The stores every store test runs on (see {@link StoreTest}). */
public enum StoreKind {
    SQLITE, POSTGRESQL;

    /** A fresh database of this kind, with the schema ({@code migrated}) or without a single table. */
    public TestDatabase create(boolean migrated) {
        return switch (this) {
            case SQLITE -> TestDatabase.sqlite();
            case POSTGRESQL -> TestDatabase.postgres(migrated);
        };
    }

    @Override
    public String toString() {
        return this == SQLITE ? "sqlite" : "postgresql";
    }
}
