package io.github.tldrbot.feed;

import org.jdom2.Verifier;
import org.jsoup.nodes.Entities;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The textual repairs that make broken-as-served feeds parse, applied once as a second attempt
 * after a strict parse failed: drop a BOM and anything before the first {@code <}, turn HTML entity
 * names XML does not know ({@code &nbsp;}, {@code &mdash;}, {@code &auml;}) into numeric references,
 * escape a bare {@code &}, remove the control characters XML 1.0 forbids, trim white space around
 * namespace URIs ({@code xmlns:itunes=" http://…"}, seen in real podcasts, which JDOM refuses) and
 * replace a URI JDOM still refuses, and declare namespace prefixes that are used but never declared
 * (well-known ones get their real URI). Stateless.
 */
final class XmlRepair {

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final Pattern PREFIXED_TAG = Pattern.compile("</?([A-Za-z_][A-Za-z0-9_.-]*):[A-Za-z_]");
    /** A namespace declaration: prefix (group 1, null for the default namespace), URI in group 2 or 3. */
    private static final Pattern NAMESPACE_DECLARATION = Pattern.compile(
            "(?<=\\s)xmlns(?::([A-Za-z_][A-Za-z0-9_.-]*))?\\s*=\\s*(?:\"([^\"<]*)\"|'([^'<]*)')");
    private static final Pattern ROOT_START = Pattern.compile("<([A-Za-z_][A-Za-z0-9_.:-]*)");
    private static final Map<String, String> KNOWN_NAMESPACES = Map.of(
            "content", "http://purl.org/rss/1.0/modules/content/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "media", "http://search.yahoo.com/mrss/",
            "atom", "http://www.w3.org/2005/Atom",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "wfw", "http://wellformedweb.org/CommentAPI/",
            "sy", "http://purl.org/rss/1.0/modules/syndication/",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    /** The repaired text; equal to the input when nothing needed repair. */
    String repair(String xml) {
        int start = 0;
        while (start < xml.length() && xml.charAt(start) != '<') {
            start++;
        }
        if (start == xml.length()) {
            start = 0;
        }
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int i = start;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (c == '&') {
                i = appendReference(xml, i, out);
                continue;
            }
            if (isXmlChar(c)) {
                out.append(c);
            }
            i++;
        }
        return declareMissingPrefixes(normaliseNamespaceUris(out.toString()));
    }

    /**
     * Trims XML white space around every declared namespace URI; a URI JDOM still refuses after
     * that (one starting with a digit, {@code $} or {@code -}) becomes {@code urn:undeclared:<prefix>},
     * as for an undeclared prefix, so the elements keep a namespace of their own.
     */
    private static String normaliseNamespaceUris(String xml) {
        Matcher m = NAMESPACE_DECLARATION.matcher(xml);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            int group = m.start(2) >= 0 ? 2 : 3;
            String uri = m.group(group);
            String trimmed = uri.strip();
            String fixed = Verifier.checkNamespaceURI(trimmed) == null ? trimmed
                    : "urn:undeclared:" + (m.group(1) == null ? "default" : m.group(1));
            if (fixed.equals(uri)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(xml.length() + 32);
            }
            out.append(xml, copied, m.start(group)).append(fixed);
            copied = m.end(group);
        }
        return out == null ? xml : out.append(xml, copied, xml.length()).toString();
    }

    /** Adds {@code xmlns:p} on the root element for each prefix used in a tag but declared nowhere. */
    private static String declareMissingPrefixes(String xml) {
        Set<String> declared = new HashSet<>();
        Matcher d = NAMESPACE_DECLARATION.matcher(xml);
        while (d.find()) {
            declared.add(d.group(1));
        }
        Set<String> missing = new LinkedHashSet<>();
        Matcher m = PREFIXED_TAG.matcher(xml);
        while (m.find()) {
            String prefix = m.group(1);
            if (!prefix.equals("xml") && !prefix.equals("xmlns") && !missing.contains(prefix)
                    && !declared.contains(prefix)) {
                missing.add(prefix);
            }
        }
        if (missing.isEmpty()) {
            return xml;
        }
        Matcher root = ROOT_START.matcher(xml);
        if (!root.find()) {
            return xml;
        }
        StringBuilder declarations = new StringBuilder();
        for (String prefix : missing) {
            String uri = KNOWN_NAMESPACES.getOrDefault(prefix, "urn:undeclared:" + prefix);
            declarations.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
        }
        return xml.substring(0, root.end()) + declarations + xml.substring(root.end());
    }

    /** Copies or rewrites the reference starting at {@code amp}; returns the index after it. */
    private static int appendReference(String xml, int amp, StringBuilder out) {
        int end = amp + 1;
        while (end < xml.length() && end - amp <= 32 && isNameChar(xml.charAt(end))) {
            end++;
        }
        boolean terminated = end < xml.length() && xml.charAt(end) == ';' && end > amp + 1;
        if (!terminated) {
            out.append("&amp;");
            return amp + 1;
        }
        String name = xml.substring(amp + 1, end);
        if (name.charAt(0) == '#' || XML_ENTITIES.contains(name)) {
            out.append(xml, amp, end + 1);
        } else if (Entities.isNamedEntity(name)) {
            Entities.getByName(name).codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
        } else {
            out.append("&amp;").append(name).append(';');
        }
        return end + 1;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '#' || c == '_' || c == '-' || c == '.';
    }

    private static boolean isXmlChar(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }
}
