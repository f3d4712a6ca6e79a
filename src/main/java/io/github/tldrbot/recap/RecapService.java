package io.github.tldrbot.recap;

import io.github.tldrbot.config.AudienceConfig;
import io.github.tldrbot.store.GuildFeed;
import io.github.tldrbot.store.RecapCandidate;
import io.github.tldrbot.store.RecapCandidates;
import io.github.tldrbot.store.RecapFilter;
import io.github.tldrbot.store.RecapStore;
import io.github.tldrbot.store.TopicQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes a recap (SPEC §8.1) without Discord: used by {@code /recap} and by scheduled recaps.
 *
 * <ol>
 *   <li>validate the request: the audience must be configured, a topic must hold a word, a feed must
 *   be one the guild follows ({@link RecapRequestException} otherwise);</li>
 *   <li>read the newest matching articles of {@code [now − period, now)} from {@link RecapStore}
 *   (bounded: at most {@value RecapStore#CANDIDATE_CAP});</li>
 *   <li>merge the same story from several feeds ({@link StoryMerger});</li>
 *   <li>score each story ({@link RecapRanker}: recency + 0.75·log2(sources) + audience rank bonus +
 *   0.1 for a TL;DR), order best first with deterministic ties, keep {@code limit}.</li>
 * </ol>
 */
public final class RecapService {
    private final RecapStore store;
    private final List<AudienceConfig> audiences;
    private final StoryMerger merger = new StoryMerger();
    private final RecapRanker ranker = new RecapRanker();

    public RecapService(RecapStore store, List<AudienceConfig> audiences) {
        this.store = store;
        this.audiences = List.copyOf(audiences);
    }

    /** The configured audiences, in configuration order. */
    public List<AudienceConfig> audiences() {
        return audiences;
    }

    /** The name of a feed the guild follows (title, else URL). */
    public Optional<String> feedName(long guildId, long feedId) {
        return store.findGuildFeed(guildId, feedId).map(GuildFeed::name);
    }

    public Recap recap(RecapRequest request) {
        RecapFilter filter = filter(request);
        RecapCandidates found = store.candidates(filter);
        List<RecapItem> items = new ArrayList<>();
        for (Story story : merger.merge(found.candidates())) {
            RecapCandidate lead = story.lead();
            double score = ranker.score(story, request.audience(), request.now(), request.period().length());
            items.add(new RecapItem(lead.title(), lead.link(), lead.tldr(), story.sources(), story.firstSeen(), score));
        }
        items.sort(RecapRanker.ORDER);
        List<RecapItem> top = items.size() > request.limit() ? items.subList(0, request.limit()) : items;
        return new Recap(request, request.from(), request.now(), top, found.matched());
    }

    /** Checks the request against the configuration and the guild's feeds, and turns it into a store filter. */
    public RecapFilter filter(RecapRequest request) {
        String audience = request.audience();
        if (audience != null && audiences.stream().noneMatch(a -> a.id().equals(audience))) {
            throw new RecapRequestException("Unknown audience '" + audience + "'; pick one of: " + audienceIds()
                    + " (see /audiences).");
        }
        TopicQuery topic = null;
        if (request.topic() != null) {
            topic = TopicQuery.parse(request.topic()).orElseThrow(() -> new RecapRequestException(
                    "The topic '" + request.topic() + "' has no word to search for; type one or more words, e.g. topic:vulnerability."));
        }
        if (request.feedId() != null && store.findGuildFeed(request.guildId(), request.feedId()).isEmpty()) {
            throw new RecapRequestException("Unknown feed: this server does not subscribe to feed " + request.feedId()
                    + "; pick one from the list (see /feed list).");
        }
        return new RecapFilter(request.guildId(), request.from(), request.now(), audience, topic, request.feedId());
    }

    private String audienceIds() {
        return String.join(", ", audiences.stream().map(AudienceConfig::id).toList());
    }
}
