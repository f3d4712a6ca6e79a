package io.github.tldrbot.feed;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mastodon (and other servers that copy its addresses): a profile {@code https://host/@user} has
 * its public posts as RSS at {@code https://host/@user.rss}. Any host qualifies, since Mastodon
 * servers have no common name; YouTube and Medium, which also use {@code /@name}, are matched first.
 */
final class MastodonRule implements PlatformRule {
    private static final Pattern PROFILE = Pattern.compile("@[A-Za-z0-9_]+");

    @Override
    public Optional<PlatformFeed> resolve(URI url, String host, PlatformPages pages) {
        List<String> path = PlatformRule.segments(url);
        if (path.size() != 1 || !PROFILE.matcher(path.get(0)).matches() || url.getRawQuery() != null) {
            return Optional.empty();
        }
        String origin = url.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + url.getRawAuthority();
        return Optional.of(new PlatformFeed("Mastodon profile " + path.get(0) + "@" + host,
                URI.create(origin + "/" + path.get(0) + ".rss")));
    }
}
