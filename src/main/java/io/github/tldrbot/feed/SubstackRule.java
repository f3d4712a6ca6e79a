package io.github.tldrbot.feed;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Substack: every newsletter has its feed at {@code /feed}, on {@code x.substack.com} and on a
 * custom domain alike; a custom domain is recognised by Substack's post addresses ({@code /p/slug}).
 */
final class SubstackRule implements PlatformRule {
    @Override
    public Optional<PlatformFeed> resolve(URI url, String host, PlatformPages pages) {
        List<String> path = PlatformRule.segments(url);
        if (!path.isEmpty() && path.get(path.size() - 1).equals("feed")) {
            return Optional.empty();
        }
        boolean subdomain = host.endsWith(".substack.com") && !host.equals("www.substack.com");
        boolean post = path.size() == 2 && path.get(0).equals("p");
        if (!subdomain && !post) {
            return Optional.empty();
        }
        String origin = "https://" + url.getRawAuthority();
        return Optional.of(new PlatformFeed(subdomain ? "Substack newsletter " + host.substring(0, host.indexOf('.'))
                : "Substack newsletter on " + host, URI.create(origin + "/feed")));
    }
}
