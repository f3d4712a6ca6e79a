package io.github.tldrbot.store;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cards} table and its {@code article_audiences} rows: one TL;DR card per article, with
 * every §5.1 field a summarizer wrote (hook, the model's grounded sections, the timeline as JSON), so
 * the delivery worker posts the card as it was written. Audiences are rows (not JSON) so recaps can
 * filter by audience with an index.
 */
public final class CardStore {
    private final Database database;
    private final SqlValues values = new SqlValues();
    private final CardJson json = new CardJson();

    public CardStore(Database database) {
        this.database = database;
    }

    /**
     * Stores the article's card, replacing an earlier one (e.g. from another summarizer). An upsert,
     * so two writers saving the same article's card at once (PostgreSQL) end with the later one
     * whole instead of a key conflict; the row lock it takes also orders their audience rows.
     */
    public void save(long articleId, Card card, Instant createdAt) {
        save(articleId, card, createdAt, () -> { });
    }

    /**
     * {@link #save(long, Card, Instant)}, then {@code andThen} in the same transaction (the poller
     * hands the card to the outbox there): one commit instead of two, and no card saved without its
     * outbox rows or the other way round.
     */
    public void save(long articleId, Card card, Instant createdAt, Runnable andThen) {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO cards (article_id, tldr, what_changed, why_it_matters, what_to_do_next, key_takeaways,"
                            + " summarizer, created_at, hook, deep_insight, technical_deep_dive, future_implications, timeline)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET"
                            + " tldr = excluded.tldr, what_changed = excluded.what_changed,"
                            + " why_it_matters = excluded.why_it_matters, what_to_do_next = excluded.what_to_do_next,"
                            + " key_takeaways = excluded.key_takeaways, summarizer = excluded.summarizer,"
                            + " created_at = excluded.created_at, hook = excluded.hook, deep_insight = excluded.deep_insight,"
                            + " technical_deep_dive = excluded.technical_deep_dive,"
                            + " future_implications = excluded.future_implications, timeline = excluded.timeline")) {
                insert.setLong(1, articleId);
                insert.setString(2, card.tldr());
                insert.setString(3, card.whatChanged());
                insert.setString(4, card.whyItMatters());
                insert.setString(5, card.whatToDoNext());
                insert.setString(6, values.toJson(card.keyTakeaways()));
                insert.setString(7, card.summarizer() == null ? "unknown" : card.summarizer());
                insert.setLong(8, createdAt.toEpochMilli());
                insert.setString(9, card.hook());
                insert.setString(10, card.deepInsight());
                insert.setString(11, card.technicalDeepDive());
                insert.setString(12, card.futureImplications());
                insert.setString(13, json.writeTimeline(card.timeline()));
                insert.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM article_audiences WHERE article_id = ?")) {
                delete.setLong(1, articleId);
                delete.executeUpdate();
            }
            try (PreparedStatement audience = connection.prepareStatement(
                    "INSERT INTO article_audiences (article_id, audience_id, label, rank) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (article_id, audience_id) DO NOTHING")) {
                int rank = 0;
                for (AudienceRef ref : card.whoShouldCare()) {
                    audience.setLong(1, articleId);
                    audience.setString(2, ref.id());
                    audience.setString(3, ref.label() == null ? ref.id() : ref.label());
                    audience.setInt(4, rank++);
                    audience.addBatch();
                }
                if (rank > 0) {
                    audience.executeBatch();
                }
            }
            andThen.run();
            return null;
        });
    }

    public Optional<Card> find(long articleId) {
        return database.read(connection -> {
            List<AudienceRef> audiences = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT audience_id, label FROM article_audiences WHERE article_id = ? ORDER BY rank")) {
                select.setLong(1, articleId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        audiences.add(new AudienceRef(rows.getString("audience_id"), rows.getString("label")));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT tldr, what_changed, why_it_matters, what_to_do_next, key_takeaways, summarizer, hook,"
                            + " deep_insight, technical_deep_dive, future_implications, timeline FROM cards WHERE article_id = ?")) {
                select.setLong(1, articleId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Card(row.getString("tldr"), row.getString("what_changed"),
                            row.getString("why_it_matters"), row.getString("what_to_do_next"), audiences,
                            values.fromJson(row.getString("key_takeaways")), row.getString("summarizer"),
                            row.getString("hook"), row.getString("deep_insight"), row.getString("technical_deep_dive"),
                            row.getString("future_implications"), json.readTimeline(row.getString("timeline"))));
                }
            }
        });
    }
}
