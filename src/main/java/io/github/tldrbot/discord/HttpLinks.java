package io.github.tldrbot.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Decides which links may go into an embed. JDA's {@link EmbedBuilder} throws on a URL that is not
 * http(s), contains white space or is longer than {@link MessageEmbed#URL_MAX_LENGTH}; feed links
 * are untrusted, so every link is checked here first and an unusable one is dropped (null), never
 * passed on. Stateless and thread-safe.
 */
final class HttpLinks {

    static final int MAX_HOST = 253;

    /**
     * {@code raw} stripped when it is an absolute http(s) URL with a host, no white space or control
     * characters and at most {@link MessageEmbed#URL_MAX_LENGTH} chars; else null.
     */
    String valid(String raw) {
        if (raw == null) {
            return null;
        }
        String url = raw.strip();
        if (url.isEmpty() || url.length() > MessageEmbed.URL_MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.isSurrogate(c) && !isPaired(url, i)) {
                return null;
            }
        }
        URI uri = parse(url);
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        return EmbedBuilder.URL_PATTERN.matcher(url).matches() ? url : null;
    }

    /**
     * The lower-case host of a valid http(s) link, without a leading {@code www.}; null when the link
     * is not valid or the host is longer than a DNS name can be ({@value #MAX_HOST} chars).
     */
    String host(String raw) {
        String url = valid(raw);
        if (url == null) {
            return null;
        }
        String host = parse(url).getHost().toLowerCase(Locale.ROOT);
        if (host.length() > MAX_HOST) {
            return null;
        }
        return host.startsWith("www.") && host.length() > 4 ? host.substring(4) : host;
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isPaired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
