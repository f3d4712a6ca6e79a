package io.github.tldrbot.feed;

import org.jdom2.Content;
import org.jdom2.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes RSS item {@code <pubDate>} elements out of the document while Rome builds its model, and puts
 * them back afterwards. Why: Rome parses every pubDate by trying SimpleDateFormat masks one after
 * another (the costliest single step of a parse), yet {@link EntryNormaliser} never uses Rome's
 * date for an item whose element carries date text — it reads that text itself with
 * {@link FeedDateParser}. Rome's RSS converters set only the published date, from pubDate or
 * dc:date, so hiding a non-blank pubDate changes nothing the normaliser reads. Only items that
 * {@link FeedParser} will match to Rome's entries are touched; the caller rebuilds without hiding
 * when the match fails. Holds the detached elements of one document; not thread-safe.
 */
final class RssDateHider {

    private record Hidden(Element item, int index, Content child) {
    }

    private final List<Hidden> hidden = new ArrayList<>();

    /** Detaches the non-blank un-namespaced pubDate children of {@code items}; returns whether any was. */
    boolean hide(List<Element> items) {
        for (Element item : items) {
            if (!item.getName().equals("item")) {
                continue;
            }
            for (int i = item.getContentSize() - 1; i >= 0; i--) {
                if (item.getContent(i) instanceof Element child && child.getName().equals("pubDate")
                        && child.getNamespaceURI().isEmpty() && !child.getTextNormalize().isEmpty()) {
                    hidden.add(new Hidden(item, i, item.removeContent(i)));
                }
            }
        }
        return !hidden.isEmpty();
    }

    /** Puts every detached element back where it was. */
    void restore() {
        for (int k = hidden.size() - 1; k >= 0; k--) {
            Hidden h = hidden.get(k);
            h.item().addContent(h.index(), h.child());
        }
        hidden.clear();
    }
}
