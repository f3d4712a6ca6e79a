package io.github.tldrbot.feed;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Medium: a user ({@code medium.com/@user}, or a subdomain {@code user.medium.com}), a publication
 * ({@code medium.com/publication}) or a tag ({@code medium.com/tag/x}) has its feed under
 * {@code medium.com/feed/}; an article's address leads to its author's or publication's feed.
 */
final class MediumRule implements PlatformRule {
    private static final Set<String> RESERVED = Set.of("feed", "m", "me", "search", "plans", "membership", "about",
            "creators", "policy", "topics", "jobs-at-medium");
    private static final Pattern NAME = Pattern.compile("@?[A-Za-z0-9_.-]+");

    @Override
    public Optional<PlatformFeed> resolve(URI url, String host, PlatformPages pages) {
        List<String> path = PlatformRule.segments(url);
        if (host.endsWith(".medium.com") && !host.equals("www.medium.com")) {
            String user = host.substring(0, host.length() - ".medium.com".length());
            return NAME.matcher(user).matches() && !user.contains(".")
                    ? Optional.of(feed("Medium user @" + user, "@" + user)) : Optional.empty();
        }
        if (!host.equals("medium.com") || path.isEmpty() || RESERVED.contains(path.get(0)) || !NAME.matcher(path.get(0)).matches()) {
            return Optional.empty();
        }
        if (path.get(0).equals("tag") && path.size() >= 2) {
            return Optional.of(feed("Medium tag " + path.get(1), "tag/" + path.get(1)));
        }
        if (path.get(0).startsWith("@")) {
            return Optional.of(feed("Medium user " + path.get(0), path.get(0)));
        }
        return Optional.of(feed("Medium publication " + path.get(0), path.get(0)));
    }

    private static PlatformFeed feed(String platform, String path) {
        return new PlatformFeed(platform, URI.create("https://medium.com/feed/" + path));
    }
}
