package io.github.tldrbot.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * The RSS documents of {@link FeedFarm}, modelled on the WordPress and news captures in
 * {@code ../shared/corpus/feeds} (e.g. {@code laminas__wordpress-rss2-dc-atom.xml},
 * {@code rsparser__livemint.xml}): RSS 2.0 with the content, dc, atom and slash namespaces, a channel
 * with its generator and update period, and per item a title with typographic entities, link, RFC 822
 * date, {@code dc:creator}, two or three CDATA categories, a non-permalink guid and an
 * HTML description (paragraphs, links, emphasis, an image, {@code &#8217;}-style references, {@code &amp;},
 * {@code &nbsp;}) of 5–6 sentences, about 1.35 KB per item, so 20 items make ~27 KB. Every text is
 * drawn from a fixed seed per (feed, item), so a document is the same at every request and items
 * differ from each other the way news does ({@link FarmText}). Descriptions are full
 * paragraphs, never teasers, so the bot reads no article page.
 */
final class FarmDocuments {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final String[] CATEGORIES = {"Technology", "Business", "Security", "Science", "Health", "Markets",
            "Open Source", "Energy", "Policy", "Games", "Transport", "Local News", "World", "Sport", "Culture"};

    private FarmDocuments() {
    }

    /**
     * The document of feed {@code n} with its newest item numbered {@code newest}: items
     * {@code newest} down to {@code newest - 19}, newest first, item {@code i} dated {@code published(i)}.
     */
    static String document(int n, int newest, java.util.function.IntFunction<Instant> published, String host) {
        StringBuilder sb = new StringBuilder(30_000);
        String site = "http://" + host + "/s/" + n;
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"\n")
                .append("\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n")
                .append("\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
                .append("\txmlns:atom=\"http://www.w3.org/2005/Atom\"\n")
                .append("\txmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"\n")
                .append("\txmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\">\n<channel>\n")
                .append("\t<title>The ").append(FarmText.name(new SplittableRandom(n))).append(" Ledger &#8211; feed ").append(n).append("</title>\n")
                .append("\t<atom:link href=\"http://").append(host).append("/f/").append(n)
                .append(".xml\" rel=\"self\" type=\"application/rss+xml\" />\n")
                .append("\t<link>").append(site).append("</link>\n")
                .append("\t<description>News, analysis and opinion from ").append(FarmText.name(new SplittableRandom(n))).append("</description>\n")
                .append("\t<lastBuildDate>").append(RFC_1123.format(published.apply(newest))).append("</lastBuildDate>\n")
                .append("\t<language>en-US</language>\n\t<sy:updatePeriod>hourly</sy:updatePeriod>\n")
                .append("\t<sy:updateFrequency>1</sy:updateFrequency>\n\t<generator>https://wordpress.org/?v=6.4.2</generator>\n");
        for (int i = newest; i > Math.max(0, newest - 20); i--) {
            item(sb, n, i, published.apply(i), site);
        }
        return sb.append("</channel>\n</rss>\n").toString();
    }

    private static void item(StringBuilder sb, int n, int i, Instant published, String site) {
        SplittableRandom random = new SplittableRandom(n * 1_000_003L + i);
        String title = FarmText.title(random);
        String link = site + "/" + slug(title) + "/";
        sb.append("\t<item>\n\t\t<title>").append(title).append("</title>\n")
                .append("\t\t<link>").append(link).append("</link>\n")
                .append("\t\t<pubDate>").append(RFC_1123.format(published)).append("</pubDate>\n")
                .append("\t\t<dc:creator><![CDATA[").append(FarmText.name(random)).append(' ').append(FarmText.name(random))
                .append("]]></dc:creator>\n");
        int categories = 2 + random.nextInt(2);
        for (int c = 0; c < categories; c++) {
            sb.append("\t\t<category><![CDATA[").append(pick(random, CATEGORIES)).append("]]></category>\n");
        }
        sb.append("\t\t<guid isPermaLink=\"false\">").append(site).append("/?p=").append(i).append("</guid>\n")
                .append("\t\t<description><![CDATA[");
        sb.append("<p><img src=\"").append(site).append("/img/").append(i).append(".jpg\" alt=\"\" /></p>");
        int sentences = 5 + random.nextInt(2);
        sb.append("<p>");
        // at least ~450 characters of text, so no article reads as a teaser (the bot would read its page)
        for (int s = 0, length = 0; s < sentences || length < 450; s++) {
            if (s == sentences / 2) {
                sb.append("</p>\n<p>");
            } else if (s > 0) {
                sb.append(' ');
            }
            String sentence = FarmText.sentence(random);
            length += sentence.length();
            sb.append(s == 1 ? "<strong>" + sentence + "</strong>" : sentence);
        }
        String name = FarmText.name(random);
        sb.append("</p>\n<p>More on <a href=\"").append(site).append("/tag/").append(slug(name)).append("/\">")
                .append(name).append("</a> and <a href=\"").append(link).append("#related\">related coverage</a>.&nbsp;</p>");
        sb.append("]]></description>\n\t\t<slash:comments>").append(random.nextInt(40)).append("</slash:comments>\n\t</item>\n");
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String slug(String s) {
        String slug = s.toLowerCase(java.util.Locale.ROOT).replace("&#8217;", "").replaceAll("[^a-z0-9]+", "-");
        return slug.length() > 36 ? slug.substring(0, 36) : slug;
    }
}
