package io.github.tldrbot.feed;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.net.URISyntaxException;

/**
 * Reads what identifies an entry (SPEC §4.2) without touching its text: the guid as written and the
 * absolute link, plus the entry's {@code xml:base} that the rest of its normalisation resolves
 * against. Cheap next to {@link EntryNormaliser}, so a parser can tell stored entries from new ones
 * first and normalise only the new. Stateless apart from its resolver, so thread-safe.
 */
final class EntryKeys {

    private static final Namespace RDF = Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    /**
     * @param guid    the RSS guid, Atom id or RDF about as written (stripped), or null
     * @param link    the entry's absolute http(s) link, or null
     * @param xmlBase the entry's resolved {@code xml:base}, or null
     */
    record Key(String guid, String link, String xmlBase) {
    }

    private final LinkResolver links;

    EntryKeys(LinkResolver links) {
        this.links = links;
    }

    /**
     * @param element  the entry's XML element, or null when it could not be matched
     * @param feedLink the feed's absolute link, or null
     * @param baseUrl  where the feed was read from
     */
    Key of(SyndEntry entry, Element element, String feedLink, String baseUrl) {
        String xmlBase = links.resolve(xmlBaseOf(element), baseUrl);
        String link = links.resolve(entry.getLink(), xmlBase, feedLink, baseUrl);
        if (link == null) {
            link = firstAlternateLink(entry, xmlBase, feedLink, baseUrl);
        }
        return new Key(guidOf(entry, element), link, xmlBase);
    }

    /** The guid as written: RSS guid, Atom id, RDF about; never Rome's fallback to the link. */
    private static String guidOf(SyndEntry entry, Element element) {
        Object wire = entry.getWireEntry();
        String guid = null;
        if (wire instanceof Item item) {
            if (item.getGuid() != null) {
                guid = item.getGuid().getValue();
            } else if (element != null) {
                guid = element.getAttributeValue("about", RDF);
            }
        } else if (wire instanceof Entry atom) {
            guid = atom.getId();
        } else {
            guid = entry.getUri();
        }
        return guid == null || guid.isBlank() ? null : guid.strip();
    }

    private String firstAlternateLink(SyndEntry entry, String... bases) {
        for (var l : entry.getLinks()) {
            String rel = l.getRel();
            if (rel == null || rel.equals("alternate")) {
                String resolved = links.resolve(l.getHref(), bases);
                if (resolved != null) {
                    return resolved;
                }
            }
        }
        return null;
    }

    private static String xmlBaseOf(Element element) {
        if (element == null) {
            return null;
        }
        try {
            var uri = element.getXMLBaseURI();
            return uri == null ? null : uri.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
