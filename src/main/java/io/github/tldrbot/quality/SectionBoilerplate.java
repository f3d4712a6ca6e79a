package io.github.tldrbot.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The boilerplate the card-quality report looks for in a section, by name: platform furniture and
 * signatures ("submitted by", "[link]", "appeared first on", "Read more", "Continue reading", a
 * "- Name, Team" signature, Hacker News' "Comments URL"), and a takeaway that is only a URL.
 */
final class SectionBoilerplate {

    private static final Pattern BARE_URL = Pattern.compile("(?i)[<(\\[]?(?:https?://|www\\.)\\S+?[>)\\]]?[.]?");

    /** Platform furniture and signatures, by name; the first that matches a section is reported. */
    private static final List<Named> BOILERPLATE = List.of(
            new Named("reddit \"submitted by\"", Pattern.compile(
                    "(?i)\\bsubmitted by\\s+(?:/?u/\\S+|\\S+\\s+to\\s+(?:/?r/)?\\S+\\s*\\[link])")),
            new Named("[link] / [comments]", Pattern.compile("(?i)\\[(?:link|comments)]")),
            new Named("\"appeared first on\"", Pattern.compile("(?i)\\bappeared first on\\b")),
            new Named("\"Read more\"", Pattern.compile(
                    "(?i)(?:^|[\\s(\\[|»›→-])read more(?:\\s*(?:»|›|→|>>|\\.\\.\\.|…|\\]|\\)|:))?\\s*[.!]?\\s*(?:(?:https?://|www\\.)\\S*)?$")),
            new Named("\"Continue reading\"", Pattern.compile("(?i)\\bcontinue reading\\b")),
            new Named("signature \"- Name, Team\"", Pattern.compile(
                    "(?:^|\\s)[-–—~]\\s*\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}(?:,|\\s+on behalf of)\\s+[^.!?\\n]{2,60}$"
                            + "|^\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3},\\s+[\\p{L}\\p{N}&'’ -]{0,40}"
                            + "\\b(?:Team|Staff|Editors?|Desk|Group|Crew)$")),
            new Named("HN \"Comments URL\" / \"Points:\"", Pattern.compile(
                    "(?i:\\bcomments url:|\\barticle url:|#\\s*comments:\\s*\\d)|(?:^|\\s)Points:\\s*\\d")));

    private SectionBoilerplate() {
    }

    /** The name of the boilerplate the section carries, if any; a takeaway that is only a URL counts too. */
    static Optional<String> find(String section, boolean isTakeaway) {
        String s = section.strip();
        if (isTakeaway && BARE_URL.matcher(s).matches()) {
            return Optional.of("bare URL as a takeaway");
        }
        for (Named n : BOILERPLATE) {
            if (n.pattern.matcher(s).find()) {
                return Optional.of(n.name);
            }
        }
        return Optional.empty();
    }

    /** Names of every boilerplate pattern, in report order. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        BOILERPLATE.forEach(n -> names.add(n.name));
        names.add("bare URL as a takeaway");
        return names;
    }

    private record Named(String name, Pattern pattern) {
    }
}
