package io.github.tldrbot.opml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes feeds as an OPML 2.0 document (UTF-8): entries with a category go into one category
 * outline each, in the order categories first appear; entries without one stay at the top level.
 * Every feed outline carries {@code type="rss"}, {@code text} and {@code title} (readers differ in
 * which they show), {@code xmlUrl} and, when known, {@code htmlUrl}. Thread-safe.
 */
public final class OpmlWriter {
    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    /** @param title the document's {@code <head><title>} */
    public byte[] write(String title, List<OpmlEntry> entries, Instant created) {
        Map<String, List<OpmlEntry>> byCategory = new LinkedHashMap<>();
        for (OpmlEntry entry : entries) {
            byCategory.computeIfAbsent(Objects.requireNonNullElse(entry.category(), ""), k -> new java.util.ArrayList<>()).add(entry);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            element(xml, "title", title);
            element(xml, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atOffset(ZoneOffset.UTC)));
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (Map.Entry<String, List<OpmlEntry>> group : byCategory.entrySet()) {
                boolean nested = !group.getKey().isEmpty();
                if (nested) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("outline");
                    xml.writeAttribute("text", group.getKey());
                    xml.writeAttribute("title", group.getKey());
                }
                for (OpmlEntry entry : group.getValue()) {
                    feed(xml, entry, nested ? "\n      " : "\n    ");
                }
                if (nested) {
                    xml.writeCharacters("\n    ");
                    xml.writeEndElement();
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // writing to memory cannot fail; an unwritable character would be a bug here
            throw new IllegalStateException("cannot write OPML: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void feed(XMLStreamWriter xml, OpmlEntry entry, String indent) throws XMLStreamException {
        xml.writeCharacters(indent);
        xml.writeEmptyElement("outline");
        String title = entry.title() == null || entry.title().isBlank() ? entry.xmlUrl() : entry.title();
        xml.writeAttribute("type", "rss");
        xml.writeAttribute("text", clean(title));
        xml.writeAttribute("title", clean(title));
        xml.writeAttribute("xmlUrl", entry.xmlUrl());
        if (entry.htmlUrl() != null && !entry.htmlUrl().isBlank()) {
            xml.writeAttribute("htmlUrl", entry.htmlUrl());
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** Drops the control characters XML 1.0 cannot hold (a feed title may carry one). */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }

    /** For callers that want text: the document as a string. */
    public String writeString(String title, List<OpmlEntry> entries, Instant created) {
        return new String(write(title, entries, created), StandardCharsets.UTF_8);
    }
}
