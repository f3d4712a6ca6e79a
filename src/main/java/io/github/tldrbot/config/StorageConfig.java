package io.github.tldrbot.config;

/** {@code storage.*}: JDBC URL and credentials of the store. */
public record StorageConfig(String jdbcUrl, String username, String password) {
    @Override
    public String toString() {
        return "StorageConfig[jdbcUrl=" + jdbcUrl + ", username=" + username
                + ", password=" + (password == null || password.isEmpty() ? "" : "****") + "]";
    }
}
