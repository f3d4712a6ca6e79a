package io.github.tldrbot.feed;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GitHub: a repository ({@code /o/r}) or its releases page follows {@code releases.atom} (what a
 * news channel wants from a project); {@code /o/r/tags} follows {@code tags.atom} and
 * {@code /o/r/commits/branch} that branch's {@code commits/branch.atom}.
 */
final class GitHubRule implements PlatformRule {
    /** First path segments that are GitHub's own pages, not owners. */
    private static final Set<String> RESERVED = Set.of("features", "topics", "orgs", "settings", "marketplace", "explore",
            "login", "about", "pricing", "sponsors", "collections", "trending", "search", "notifications", "new");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    @Override
    public Optional<PlatformFeed> resolve(URI url, String host, PlatformPages pages) {
        List<String> path = PlatformRule.segments(url);
        if (!host.equals("github.com") || path.size() < 2 || RESERVED.contains(path.get(0))
                || !NAME.matcher(path.get(0)).matches() || !NAME.matcher(path.get(1)).matches()
                || path.get(path.size() - 1).endsWith(".atom")) {
            return Optional.empty();
        }
        String repo = path.get(0) + "/" + (path.get(1).endsWith(".git") ? path.get(1).substring(0, path.get(1).length() - 4)
                : path.get(1));
        if (path.size() == 2 || (path.size() == 3 && path.get(2).equals("releases"))) {
            return Optional.of(feed("GitHub releases of " + repo, repo + "/releases.atom"));
        }
        if (path.size() == 3 && path.get(2).equals("tags")) {
            return Optional.of(feed("GitHub tags of " + repo, repo + "/tags.atom"));
        }
        if (path.size() >= 4 && path.get(2).equals("commits")) {
            String branch = String.join("/", path.subList(3, path.size()));
            return Optional.of(feed("GitHub commits to " + repo + " " + branch, repo + "/commits/" + branch + ".atom"));
        }
        return Optional.empty();
    }

    private static PlatformFeed feed(String platform, String path) {
        return new PlatformFeed(platform, URI.create("https://github.com/" + path));
    }
}
