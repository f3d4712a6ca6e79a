package io.github.tldrbot.feed;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.Locale;
import java.util.Optional;

/**
 * The first real image of an HTML fragment's DOM: the first {@code <img src>} that resolves to an
 * absolute http(s) URL and is no tracking pixel (1×1 images, FeedBurner flare). Stateless.
 */
final class HtmlImages {

    private static final Evaluator IMG_WITH_SRC = QueryParser.parse("img[src]");

    private HtmlImages() {
    }

    /** @param document parsed with the base that relative sources resolve against */
    static Optional<String> firstImage(Document document) {
        for (Element img : document.select(IMG_WITH_SRC)) {
            if (isTrackingPixel(img)) {
                continue;
            }
            String abs = img.absUrl("src");
            if (abs.isEmpty()) {
                abs = img.attr("src").trim();
            }
            String lower = abs.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return Optional.of(abs);
            }
        }
        return Optional.empty();
    }

    /** 1×1 pixels and FeedBurner flare/tracking images say nothing about the article. */
    private static boolean isTrackingPixel(Element img) {
        String src = img.attr("src");
        if (src.contains("feeds.feedburner.com/~") || src.contains("feedsportal.com/") || src.contains("/~ff/")) {
            return true;
        }
        return isTiny(img.attr("width")) || isTiny(img.attr("height"));
    }

    private static boolean isTiny(String dimension) {
        String digits = dimension.strip().replace("px", "");
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 3
                && Integer.parseInt(digits) <= 2;
    }
}
