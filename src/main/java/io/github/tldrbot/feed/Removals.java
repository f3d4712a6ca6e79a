package io.github.tldrbot.feed;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Elements taken out of a page, in order, so that they can be put back exactly: the extractor's
 * second pass needs what the first one removed, and undoing is cheaper than cloning the page for a
 * pass that is rarely needed.
 */
final class Removals {
    private record Removal(Element element, Element parent, int index) {
    }

    private final List<Removal> done = new ArrayList<>();

    void remove(Element element) {
        Element parent = element.parent();
        if (parent == null) {
            return; // already out with an ancestor
        }
        done.add(new Removal(element, parent, element.siblingIndex()));
        element.remove();
    }

    void undo() {
        for (int i = done.size() - 1; i >= 0; i--) {
            Removal r = done.get(i);
            r.parent().insertChildren(r.index(), r.element());
        }
        done.clear();
    }
}
