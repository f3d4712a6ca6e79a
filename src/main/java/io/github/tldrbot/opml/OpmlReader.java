package io.github.tldrbot.opml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the feeds of an OPML 1.0 or 2.0 file as the usual readers export it (MonitoRSS, Feedly,
 * Inoreader, Thunderbird): any {@code <outline>} with an {@code xmlUrl} is a feed, however deeply
 * nested; outlines without one are categories. Attribute names are matched case-insensitively
 * because some exporters write {@code xmlurl}. Thread-safe.
 *
 * <p>Safety: the file comes from a user. A DOCTYPE is refused outright (OPML needs none, and it is
 * what XXE and entity-expansion bombs ride on), external entities are never resolved, and the
 * input is bounded in bytes and in outlines, so a hostile file costs a bounded amount of memory and
 * time and never reads a local file.
 */
public final class OpmlReader {
    /** Largest file accepted: a 1,000-feed export is about 200 KB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Most outlines accepted (categories included). */
    public static final int MAX_OUTLINES = 20_000;
    private static final int MAX_DEPTH = 64;

    private final XMLInputFactory factory;

    public OpmlReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
    }

    /** @return the feeds in document order (possibly none) */
    public List<OpmlEntry> read(byte[] file) throws OpmlException {
        if (file.length > MAX_BYTES) {
            throw new OpmlException("the file is " + file.length / 1024 + " KB, over the " + MAX_BYTES / 1024 / 1024
                    + " MB an OPML import accepts; split it into smaller files");
        }
        if (file.length == 0) {
            throw new OpmlException("the file is empty");
        }
        XMLStreamReader xml = null;
        try {
            int start = leadingWhitespace(file);
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(file, start, file.length - start));
            return entries(xml);
        } catch (XMLStreamException e) {
            throw new OpmlException("malformed XML" + where(e.getLocation()) + ": " + reason(e));
        } finally {
            close(xml);
        }
    }

    private static List<OpmlEntry> entries(XMLStreamReader xml) throws XMLStreamException, OpmlException {
        List<OpmlEntry> entries = new ArrayList<>();
        Deque<String> categories = new ArrayDeque<>();
        boolean rootSeen = false;
        boolean inBody = false;
        int outlines = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new OpmlException("it declares a DOCTYPE, which OPML does not use (refused: DOCTYPEs carry entity attacks);"
                        + " remove the <!DOCTYPE …> line");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new OpmlException("it uses the undeclared entity &" + xml.getLocalName() + "; (line "
                        + xml.getLocation().getLineNumber() + ")");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName().toLowerCase(Locale.ROOT);
                if (!rootSeen) {
                    rootSeen = true;
                    if (!name.equals("opml")) {
                        throw new OpmlException("its root element is <" + xml.getLocalName() + ">, not <opml>"
                                + (name.equals("rss") || name.equals("feed") ? " (it is a feed: add it with /feed add)" : ""));
                    }
                } else if (name.equals("body")) {
                    inBody = true;
                } else if (name.equals("outline") && inBody) {
                    if (++outlines > MAX_OUTLINES) {
                        throw new OpmlException("it holds more than " + MAX_OUTLINES + " outlines; split it into smaller files");
                    }
                    if (categories.size() >= MAX_DEPTH) {
                        throw new OpmlException("its outlines are nested more than " + MAX_DEPTH + " deep");
                    }
                    String url = attribute(xml, "xmlUrl");
                    String title = attribute(xml, "title");
                    if (title == null) {
                        title = attribute(xml, "text");
                    }
                    if (url != null) {
                        entries.add(new OpmlEntry(xml.getLocation().getLineNumber(), url, title, attribute(xml, "htmlUrl"),
                                categories.isEmpty() ? null : String.join(" / ", reversed(categories))));
                    }
                    // a feed outline may (rarely) hold children; they are filed under it as a category
                    categories.push(title == null ? "" : title);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName().toLowerCase(Locale.ROOT);
                if (name.equals("outline") && inBody && !categories.isEmpty()) {
                    categories.pop();
                } else if (name.equals("body")) {
                    inBody = false;
                }
            }
        }
        if (!rootSeen) {
            throw new OpmlException("it holds no XML element");
        }
        return entries;
    }

    /**
     * Blank lines before the XML declaration, which hand-edited files and some web exports carry, make
     * a strict parser refuse the declaration; they are skipped (after a UTF-8 BOM, which is kept).
     */
    private static int leadingWhitespace(byte[] file) {
        int bom = file.length >= 3 && (file[0] & 0xff) == 0xEF && (file[1] & 0xff) == 0xBB && (file[2] & 0xff) == 0xBF ? 3 : 0;
        int i = bom;
        while (i < file.length && (file[i] == ' ' || file[i] == '\t' || file[i] == '\r' || file[i] == '\n')) {
            i++;
        }
        // the BOM stays with the document: it tells the parser the encoding
        return i == bom ? 0 : bom == 0 ? i : 0;
    }

    private static List<String> reversed(Deque<String> stack) {
        List<String> path = new ArrayList<>();
        stack.descendingIterator().forEachRemaining(t -> {
            if (!t.isBlank()) {
                path.add(t.strip());
            }
        });
        return path;
    }

    /** The attribute's stripped value by case-insensitive name; null when absent or blank. */
    private static String attribute(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                String value = xml.getAttributeValue(i).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String where(Location location) {
        return location == null || location.getLineNumber() < 0 ? "" : " at line " + location.getLineNumber();
    }

    /** The parser's message without its "ParseError at [row,col]:" prefix and on one line. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int marker = message.indexOf("Message:");
        if (marker >= 0) {
            message = message.substring(marker + "Message:".length());
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing is held open: the input is a byte array
            }
        }
    }
}
