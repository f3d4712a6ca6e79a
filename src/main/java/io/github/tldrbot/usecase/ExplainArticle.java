package io.github.tldrbot.usecase;

import io.github.tldrbot.store.PostHistoryStore;
import io.github.tldrbot.store.StoredArticle;
import io.github.tldrbot.store.Subscription;
import io.github.tldrbot.store.SubscriptionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /feed why}: finds an article among the feeds a channel subscribes to — by its link (as
 * typed, and with the spellings a link commonly varies by: trailing slash, http/https, {@code www.}),
 * else by the words of its title — and tells whether and why that channel's subscription posted it
 * ({@link PostVerdicts}). Only reads; several title matches are listed newest first, each with its
 * verdict, so the moderator can pick the one meant.
 */
public final class ExplainArticle {
    /** Title matches listed at most. */
    public static final int MAX_MATCHES = 5;
    /** Title words searched at most (each is one LIKE condition). */
    private static final int MAX_WORDS = 8;
    private static final java.util.regex.Pattern TRACKING = java.util.regex.Pattern.compile(
            "(?i)(utm_[^=]*|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|smid)(=|$)");

    private final SubscriptionStore subscriptions;
    private final PostHistoryStore history;
    private final PostVerdicts verdicts;

    public ExplainArticle(SubscriptionStore subscriptions, PostHistoryStore history, Duration maxArticleAge) {
        this.subscriptions = subscriptions;
        this.history = history;
        this.verdicts = new PostVerdicts(maxArticleAge);
    }

    /** One article found, with the channel's subscription to its feed and what happened to it there. */
    public record Match(StoredArticle article, Subscription subscription, PostVerdict verdict) {
    }

    /**
     * @param matches  the articles found, newest first; empty when none matched
     * @param searched what was searched, for a reply that found nothing ("the link …", "titles with …")
     * @param feeds    how many feeds the channel subscribes to
     */
    public record Answer(List<Match> matches, String searched, int feeds) {
        public Answer {
            matches = List.copyOf(matches);
        }
    }

    /** {@link #run(long, long, String)} without a guild check (the CLI and tests). */
    public Answer run(long channelId, String query) throws Refused {
        return run(null, channelId, query);
    }

    /**
     * @param guildId the asking guild: only its subscriptions are searched (a channel id of another
     *                server finds nothing), or null for any
     * @throws Refused when the query is blank or the channel subscribes to no feed
     */
    public Answer run(Long guildId, long channelId, String query) throws Refused {
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty()) {
            throw new Refused("Give the article's link or some words of its title.");
        }
        List<Subscription> subs = subscriptions.listForChannel(channelId).stream()
                .filter(s -> guildId == null || s.guildId() == null || s.guildId().equals(guildId)).toList();
        if (subs.isEmpty()) {
            throw new Refused("<#" + channelId + "> subscribes to no feed, so nothing is posted there; pick the channel "
                    + "with the channel option, or see /feed list.");
        }
        Map<Long, Subscription> byFeed = subs.stream().collect(Collectors.toMap(Subscription::feedId, Function.identity(), (a, b) -> a));
        List<Long> feedIds = List.copyOf(byFeed.keySet());
        List<StoredArticle> found;
        String searched;
        if (isLink(typed)) {
            found = history.findByLink(feedIds, linkSpellings(typed), MAX_MATCHES);
            searched = "the link " + typed;
        } else {
            List<String> words = words(typed);
            if (words.isEmpty()) {
                throw new Refused("'" + typed + "' has no words to search titles for; give the article's link or title words.");
            }
            found = history.searchTitles(feedIds, words, MAX_MATCHES);
            searched = "titles containing " + words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(" and "));
        }
        List<Match> matches = new ArrayList<>();
        for (StoredArticle article : found) {
            Subscription sub = byFeed.get(article.feedId());
            matches.add(new Match(article, sub, verdicts.of(article, sub, history.history(article.id(), sub.id()))));
        }
        return new Answer(matches, searched, feedIds.size());
    }

    static boolean isLink(String typed) {
        String lower = typed.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && !typed.contains(" ");
    }

    /** The link as typed and its common variants; stored links are absolute, as the feed gave them. */
    static List<String> linkSpellings(String link) {
        Set<String> spellings = new LinkedHashSet<>();
        String bare = link;
        int hash = bare.indexOf('#');
        if (hash > 0) {
            bare = bare.substring(0, hash);
        }
        spellings.add(link);
        for (String query : List.of(bare, withoutTracking(bare))) {
            for (String scheme : List.of(query, swapScheme(query))) {
                for (String host : List.of(scheme, swapWww(scheme))) {
                    spellings.add(host);
                    spellings.add(host.endsWith("/") ? host.substring(0, host.length() - 1) : host + "/");
                }
            }
        }
        return List.copyOf(spellings);
    }

    /** A shared link often carries tracking parameters the feed's link does not: {@code utm_*}, {@code fbclid}, … */
    private static String withoutTracking(String link) {
        int q = link.indexOf('?');
        if (q < 0) {
            return link;
        }
        String kept = java.util.Arrays.stream(link.substring(q + 1).split("&"))
                .filter(p -> !p.isEmpty() && !TRACKING.matcher(p).lookingAt())
                .collect(Collectors.joining("&"));
        return link.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static String swapScheme(String link) {
        return link.regionMatches(true, 0, "https://", 0, 8) ? "http://" + link.substring(8) : "https://" + link.substring(7);
    }

    private static String swapWww(String link) {
        int start = link.indexOf("://") + 3;
        return link.regionMatches(true, start, "www.", 0, 4)
                ? link.substring(0, start) + link.substring(start + 4)
                : link.substring(0, start) + "www." + link.substring(start);
    }

    /** The typed words, without surrounding punctuation, at most {@value #MAX_WORDS}. */
    static List<String> words(String typed) {
        List<String> words = new ArrayList<>();
        for (String raw : typed.split("\\s+")) {
            String word = raw.replaceAll("^[\\p{Punct}“”‘’«»]+|[\\p{Punct}“”‘’«»]+$", "");
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return words;
    }
}
