package io.github.tldrbot.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Bytes of an RSS/Atom document to a {@link ParsedFeed} (SPEC §4.2). Rome does the parsing, with
 * doctypes refused and external entities off; a bounded chain of at most three attempts copes with
 * feeds that are broken as served:
 * <ol>
 *   <li>strict parse of the text as decoded;</li>
 *   <li>only if the document declares the Netscape RSS 0.91 DTD and has no internal subset: the same
 *       with the doctype allowed (external DTD and entities still never load);</li>
 *   <li>after {@link XmlRepair}: BOM/leading junk, undeclared entities, bare {@code &}, control characters.</li>
 * </ol>
 * Anything else fails with a {@link FeedParseException} carrying one line a user can act on.
 * Immutable, so one instance can parse on any number of threads.
 */
public class FeedParser {

    private static final Logger log = LoggerFactory.getLogger(FeedParser.class);

    /** Default cap on a body after gunzipping (the fetcher caps what it downloads separately). */
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 32 * 1024 * 1024;

    private static final Pattern RSS_091_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+rss\\s+(?:PUBLIC\\s+\"-//Netscape Communications//DTD RSS 0\\.91//EN\"\\s*)?"
                    + "(?:SYSTEM\\s+)?\"[^\"]*rss-0\\.91\\.dtd\"\\s*>",
            Pattern.CASE_INSENSITIVE);

    private final FeedTextDecoder decoder;
    private final FeedDocumentReader strictReader = new FeedDocumentReader(false);
    private final FeedDocumentReader rss091Reader = new FeedDocumentReader(true);
    private final XmlRepair repair = new XmlRepair();
    private final NotAFeedDiagnosis diagnosis = new NotAFeedDiagnosis();
    private final NamespaceRepair namespaces = new NamespaceRepair();
    private final LinkResolver links = new LinkResolver();
    private final HubLinkReader hubLinks = new HubLinkReader();
    private final HtmlText html;
    private final EntryReader entries;

    /** A parser that sets each article's language. */
    public FeedParser() {
        this(new ArticleLanguage());
    }

    /** @param languages sets each article's language; {@link ArticleLanguage#NONE} leaves it to the caller */
    public FeedParser(ArticleLanguage languages) {
        this(new HtmlText(), new FeedDateParser(), new ArticleIdentity(), DEFAULT_MAX_DECOMPRESSED_BYTES, languages);
    }

    public FeedParser(HtmlText html, FeedDateParser dates, ArticleIdentity identity, int maxDecompressedBytes) {
        this(html, dates, identity, maxDecompressedBytes, new ArticleLanguage());
    }

    public FeedParser(HtmlText html, FeedDateParser dates, ArticleIdentity identity, int maxDecompressedBytes,
                      ArticleLanguage languages) {
        this.html = html;
        this.decoder = new FeedTextDecoder(maxDecompressedBytes);
        EntryFacts facts = new EntryFacts(html, dates);
        this.entries = new EntryReader(new EntryKeys(links), facts, new EntryNormaliser(html, links, facts), identity,
                languages);
    }

    /**
     * Parses one document.
     *
     * @param body        the bytes as received (a gzip layer is removed when present)
     * @param contentType the HTTP Content-Type, or null (used only for the charset)
     * @param baseUrl     the URL or path the feed came from; last resort for relative links
     * @return the feed facts and its articles in document order, each with a distinct id
     * @throws FeedParseException when the bytes are not an RSS/Atom feed we can read; its message is one line
     */
    public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
        return parse(body, contentType, baseUrl, KnownEntries.NONE);
    }

    /**
     * Parses one document, normalising only the entries {@code held} does not hold: those come back
     * as {@link ParsedFeed#known()} (id and dates), the others as articles exactly as {@link
     * #parse(byte[], String, String)} makes them. Ids follow the same rules either way.
     *
     * @param held asked once per document, with every entry's id
     */
    public ParsedFeed parse(byte[] body, String contentType, String baseUrl, KnownEntries held)
            throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("the document is empty, not an RSS or Atom feed");
        }
        byte[] bytes = decoder.unwrap(body);
        String text = decoder.decode(bytes, contentType);
        diagnosis.rejectObviousNonXml(text);

        Document document = readDocument(text);
        namespaces.repair(document);
        WireFeed wire;
        try {
            wire = toWireFeed(document);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException(diagnosis.describeForeignRoot(document.getRootElement()));
        } catch (FeedException | RuntimeException e) {
            // Rome's parsers fail with NPEs and index errors on structurally odd feeds: say what is odd, not the Java error
            throw new FeedParseException(diagnosis.describeBadStructure(document.getRootElement()), e);
        }
        return toParsedFeed(new SyndFeedImpl(wire, true), wire, document, baseUrl, held);
    }

    /**
     * Rome's model with item pubDates hidden from Rome (see {@link RssDateHider}); built again with
     * them when the entries do not line up with the item elements, because then Rome's dates are used.
     */
    private WireFeed toWireFeed(Document document) throws FeedException {
        List<Element> items = candidateEntryElements(document.getRootElement());
        RssDateHider dates = new RssDateHider();
        if (!dates.hide(items)) {
            return strictReader.toWireFeed(document);
        }
        WireFeed wire;
        try {
            wire = strictReader.toWireFeed(document);
        } finally {
            dates.restore();
        }
        int entries = wire instanceof Channel channel ? channel.getItems().size()
                : wire instanceof com.rometools.rome.feed.atom.Feed atom ? atom.getEntries().size() : -1;
        if (entries != items.size()) {
            return strictReader.toWireFeed(document);
        }
        return wire;
    }

    private Document readDocument(String text) throws FeedParseException {
        boolean rss091 = false;
        JDOMException first;
        try {
            return strictReader.read(text);
        } catch (JDOMException e) {
            first = e;
        } catch (IOException e) {
            throw unreadable(e);
        }
        JDOMException last = first;
        if (isDoctypeRefusal(first)) {
            if (!isPlainRss091Doctype(text)) {
                throw doctypeRefused();
            }
            rss091 = true;
            try {
                return rss091Reader.read(text);
            } catch (JDOMException e) {
                last = e;
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
        String repaired = repair.repair(text);
        if (!repaired.equals(text)) {
            // the repair may be what uncovers the doctype (junk before it), so look again
            boolean allowDoctype = rss091 || isPlainRss091Doctype(repaired);
            try {
                Document doc = (allowDoctype ? rss091Reader : strictReader).read(repaired);
                log.trace("feed parsed after repair first_error={}", FeedTextDecoder.oneLine(first.getMessage()));
                return doc;
            } catch (JDOMException e) {
                last = e;
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
        if (isDoctypeRefusal(last)) {
            throw doctypeRefused();
        }
        throw new FeedParseException(diagnosis.describeXmlError(text, last), last);
    }

    private static FeedParseException doctypeRefused() {
        return new FeedParseException("the feed declares a DOCTYPE, which is refused for safety "
                + "(only the plain RSS 0.91 DTD is accepted)");
    }

    private static FeedParseException unreadable(IOException e) {
        return new FeedParseException("the feed could not be read: " + FeedTextDecoder.oneLine(e.getMessage()), e);
    }

    private static boolean isDoctypeRefusal(JDOMException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("doctype is disallowed");
    }

    /** The Netscape RSS 0.91 doctype, and no internal subset that could declare entities. */
    private static boolean isPlainRss091Doctype(String text) {
        String head = text.substring(0, Math.min(text.length(), 4096));
        int doctype = head.toUpperCase(Locale.ROOT).indexOf("<!DOCTYPE");
        return doctype >= 0 && RSS_091_DOCTYPE.matcher(head).region(doctype, head.length()).lookingAt();
    }

    private ParsedFeed toParsedFeed(SyndFeed feed, WireFeed wire, Document document, String baseUrl,
                                    KnownEntries held) {
        String feedBase = links.resolve(xmlBaseOf(document.getRootElement()), baseUrl);
        String feedLink = null;
        if (wire instanceof com.rometools.rome.feed.atom.Feed atom) {
            for (var l : atom.getAlternateLinks()) {
                feedLink = feedLink != null ? feedLink : links.resolve(l.getHrefResolved(), feedBase, baseUrl);
            }
        } else {
            feedLink = links.resolve(feed.getLink(), feedBase, baseUrl);
        }
        if (feedLink == null) {
            for (var l : feed.getLinks()) {
                if (l.getRel() == null || l.getRel().equals("alternate")) {
                    feedLink = links.resolve(l.getHref(), feedBase, baseUrl);
                    if (feedLink != null) {
                        break;
                    }
                }
            }
        }
        Integer ttl = wire instanceof Channel ch && ch.getTtl() > 0 ? ch.getTtl() : null;
        String title = html.toLine(feed.getTitle());
        FeedInfo info = new FeedInfo(baseUrl, title.isEmpty() ? null : title, feedLink,
                wire.getFeedType() == null ? null : wire.getFeedType().toLowerCase(Locale.ROOT), ttl,
                hubLinks.fromDocument(document.getRootElement(), feedBase != null ? feedBase : baseUrl));

        List<SyndEntry> syndEntries = feed.getEntries();
        List<Element> elements = entryElements(document.getRootElement(), syndEntries.size());
        EntryReader.Entries read = entries.read(syndEntries, elements, feedLink, baseUrl, held);
        return new ParsedFeed(info, read.articles(), read.known());
    }

    /** The XML elements of the entries, in document order, or nulls when they do not line up with Rome's. */
    private static List<Element> entryElements(Element root, int expected) {
        List<Element> found = candidateEntryElements(root);
        if (found.size() != expected) {
            found = new ArrayList<>();
            for (int i = 0; i < expected; i++) {
                found.add(null);
            }
        }
        return found;
    }

    /** Entry and item elements in document order: top level, or in the RSS channel. */
    private static List<Element> candidateEntryElements(Element root) {
        List<Element> found = new ArrayList<>();
        for (Element child : root.getChildren()) {
            String name = child.getName();
            if (name.equals("entry") || name.equals("item")) {
                found.add(child);
            } else if (name.equals("channel")) {
                for (Element item : child.getChildren()) {
                    if (item.getName().equals("item")) {
                        found.add(item);
                    }
                }
            }
        }
        return found;
    }

    private static String xmlBaseOf(Element element) {
        try {
            var uri = element.getXMLBaseURI();
            return uri == null ? null : uri.toString();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
