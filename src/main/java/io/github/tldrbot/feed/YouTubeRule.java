package io.github.tldrbot.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YouTube: a channel ({@code /channel/UC…}) and a playlist ({@code ?list=}) map straight to
 * YouTube's Atom feeds; a handle ({@code /@name}), custom URL ({@code /c/name}) or legacy user
 * ({@code /user/name}) only names its channel id in its page, which is read for the page's
 * advertised feed or, failing that, the {@code channelId}/{@code externalId} in its data.
 */
final class YouTubeRule implements PlatformRule {
    private static final Set<String> HOSTS = Set.of("youtube.com", "m.youtube.com", "music.youtube.com");
    static final String FEEDS = "https://www.youtube.com/feeds/videos.xml";
    private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern IN_PAGE = Pattern.compile(
            "\"(?:channelId|externalId)\"\\s*:\\s*\"(UC[A-Za-z0-9_-]{22})\"|itemprop=\"(?:channelId|identifier)\"\\s+content=\"(UC[A-Za-z0-9_-]{22})\"");

    private final FeedDiscovery discovery = new FeedDiscovery();

    @Override
    public Optional<PlatformFeed> resolve(URI url, String host, PlatformPages pages) throws PlatformUrlException {
        if (!HOSTS.contains(host)) {
            return Optional.empty();
        }
        List<String> path = PlatformRule.segments(url);
        if (!path.isEmpty() && path.get(0).equals("feeds")) {
            return Optional.empty();
        }
        String list = PlatformRule.query(url, "list");
        if (list != null && ID.matcher(list).matches()) {
            return Optional.of(new PlatformFeed("YouTube playlist", URI.create(FEEDS + "?playlist_id=" + list)));
        }
        if (path.size() >= 2 && path.get(0).equals("channel") && CHANNEL_ID.matcher(path.get(1)).matches()) {
            return Optional.of(channel("YouTube channel", path.get(1)));
        }
        if (!path.isEmpty() && path.get(0).startsWith("@") && path.get(0).length() > 1) {
            return Optional.of(fromPage("YouTube channel " + path.get(0), "/" + path.get(0), pages));
        }
        if (path.size() >= 2 && (path.get(0).equals("c") || path.get(0).equals("user"))) {
            return Optional.of(fromPage("YouTube channel " + path.get(1), "/" + path.get(0) + "/" + path.get(1), pages));
        }
        return Optional.empty();
    }

    private PlatformFeed fromPage(String platform, String pagePath, PlatformPages pages) throws PlatformUrlException {
        URI page = URI.create("https://www.youtube.com" + pagePath);
        FetchResult.Ok ok = pages.read(page);
        for (URI advertised : discovery.discover(ok.body(), ok.finalUrl())) {
            String id = PlatformRule.query(advertised, "channel_id");
            if (id != null && CHANNEL_ID.matcher(id).matches()) {
                return channel(platform, id);
            }
        }
        Matcher m = IN_PAGE.matcher(new String(ok.body(), StandardCharsets.UTF_8));
        if (m.find()) {
            return channel(platform, m.group(1) != null ? m.group(1) : m.group(2));
        }
        throw new PlatformUrlException(page + " does not name its channel's feed (no RSS link and no channel id in the page);"
                + " give the channel's address https://www.youtube.com/channel/UC… instead");
    }

    private static PlatformFeed channel(String platform, String id) {
        return new PlatformFeed(platform, URI.create(FEEDS + "?channel_id=" + id));
    }
}
