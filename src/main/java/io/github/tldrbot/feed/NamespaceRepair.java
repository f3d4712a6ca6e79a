package io.github.tldrbot.feed;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.ElementFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixes feeds whose root element sits in the wrong namespace, which Rome then refuses or crashes
 * on: an Atom {@code <feed>} with no (or an unknown) namespace is moved into the Atom namespace
 * (0.3 when it says {@code version="0.3"}), and an {@code <rss>} carrying a default namespace (old
 * Userland feeds) is moved out of it. Only elements in the root's own namespace move, so modules
 * (dc:, media:, …) stay untouched. Stateless.
 */
final class NamespaceRepair {

    static final String ATOM_10 = "http://www.w3.org/2005/Atom";
    static final String ATOM_03 = "http://purl.org/atom/ns#";

    /** Repairs the document in place; returns true when anything changed. */
    boolean repair(Document document) {
        Element root = document.getRootElement();
        String uri = root.getNamespaceURI();
        Namespace target;
        if (root.getName().equals("feed") && !uri.equals(ATOM_10) && !uri.equals(ATOM_03)) {
            boolean v03 = "0.3".equals(root.getAttributeValue("version"));
            target = Namespace.getNamespace(v03 ? ATOM_03 : ATOM_10);
        } else if (root.getName().equals("rss") && !uri.isEmpty()) {
            target = Namespace.NO_NAMESPACE;
        } else {
            return false;
        }
        Namespace from = root.getNamespace();
        List<Element> all = new ArrayList<>();
        all.add(root);
        root.getDescendants(new ElementFilter()).forEach(all::add);
        for (Element e : all) {
            if (e.getNamespace().equals(from)) {
                e.setNamespace(target);
            }
        }
        return true;
    }
}
