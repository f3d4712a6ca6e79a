package io.github.tldrbot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tldrbot.feed.ArticleLink;
import io.github.tldrbot.feed.PageText;
import io.github.tldrbot.feed.PageTextCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@link PageTextCache} in the {@code page_texts} table: what reading each article page gave, keyed
 * by the SHA-256 of the article URL. Entries older than the article retention are pruned with it.
 */
public final class PageTextStore implements PageTextCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ArticleLink>> LINKS = new TypeReference<>() { };

    private final Database database;
    private final Clock clock;

    public PageTextStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Optional<PageText> find(String url) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT found, body_text, links, reason FROM page_texts WHERE url_hash = ?")) {
                select.setString(1, hash(url));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    if (!row.getBoolean("found")) {
                        return Optional.of(new PageText.Missing(row.getString("reason")));
                    }
                    return Optional.of(new PageText.Found(row.getString("body_text"), links(row.getString("links"))));
                }
            }
        });
    }

    /** Stores (or replaces) what reading the page of {@code url} gave, stamped now. */
    @Override
    public void put(String url, PageText text) {
        String links = "[]";
        if (text instanceof PageText.Found found) {
            try {
                links = JSON.writeValueAsString(found.links());
            } catch (JsonProcessingException e) {
                throw new DatabaseException("cannot encode the links of " + url + " as JSON", e);
            }
        }
        String encodedLinks = links;
        database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO page_texts (url_hash, url, found, body_text, links, reason, fetched_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url_hash) DO UPDATE SET found = excluded.found,"
                            + " body_text = excluded.body_text, links = excluded.links, reason = excluded.reason,"
                            + " fetched_at = excluded.fetched_at")) {
                upsert.setString(1, hash(url));
                upsert.setString(2, url);
                upsert.setBoolean(3, text instanceof PageText.Found);
                upsert.setString(4, text instanceof PageText.Found found ? found.text() : null);
                upsert.setString(5, encodedLinks);
                upsert.setString(6, text instanceof PageText.Missing missing ? missing.reason() : null);
                upsert.setLong(7, clock.instant().toEpochMilli());
                return upsert.executeUpdate();
            }
        });
    }

    /** Deletes entries stored before {@code olderThan}; returns how many. */
    public int prune(Instant olderThan) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM page_texts WHERE fetched_at < ?")) {
                delete.setLong(1, olderThan.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }

    private static List<ArticleLink> links(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, LINKS);
        } catch (JsonProcessingException e) {
            return List.of(); // the text is what matters; unreadable links are dropped, not fatal
        }
    }

    private static String hash(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
