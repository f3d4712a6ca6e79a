package io.github.tldrbot.feed;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reddit: a subreddit ({@code /r/x}, also sorted: {@code /r/x/top}) or a user ({@code /u/x},
 * {@code /user/x}) has an RSS feed at the same path plus {@code /.rss}; old., new., m. and np.
 * addresses lead to the same feed on www.
 */
final class RedditRule implements PlatformRule {
    private static final Set<String> HOSTS = Set.of("reddit.com", "old.reddit.com", "new.reddit.com", "m.reddit.com",
            "np.reddit.com");
    private static final Set<String> SORTS = Set.of("hot", "new", "top", "rising", "controversial");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    @Override
    public Optional<PlatformFeed> resolve(URI url, String host, PlatformPages pages) {
        List<String> path = PlatformRule.segments(url);
        if (!HOSTS.contains(host) || path.size() < 2 || !NAME.matcher(path.get(1)).matches()) {
            return Optional.empty();
        }
        String name = path.get(1);
        if (path.get(0).equals("r")) {
            if (path.size() == 2) {
                return Optional.of(feed("Reddit subreddit r/" + name, "/r/" + name + "/.rss"));
            }
            if (path.size() == 3 && SORTS.contains(path.get(2))) {
                String t = PlatformRule.query(url, "t");
                String period = t != null && NAME.matcher(t).matches() ? "?t=" + t : "";
                return Optional.of(feed("Reddit subreddit r/" + name + " (" + path.get(2) + ")",
                        "/r/" + name + "/" + path.get(2) + "/.rss" + period));
            }
        }
        if ((path.get(0).equals("u") || path.get(0).equals("user")) && path.size() <= 3) {
            return Optional.of(feed("Reddit user u/" + name, "/user/" + name + "/.rss"));
        }
        return Optional.empty();
    }

    private static PlatformFeed feed(String platform, String path) {
        return new PlatformFeed(platform, URI.create("https://www.reddit.com" + path));
    }
}
