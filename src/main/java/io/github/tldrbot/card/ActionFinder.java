package io.github.tldrbot.card;

import io.github.tldrbot.feed.ArticleLink;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the card's "what to do next" (SPEC §5.1): a sentence of the article that asks the reader to
 * do something concrete, with the link the text gives for it. No such sentence → no field; a pointer
 * to the article itself is not an action (the card already links it).
 *
 * <p>A sentence qualifies when it is
 * <ul>
 *   <li>an imperative: it starts with an action verb ("Update to 2.4", "Register by …", "Please
 *       rotate …"); reading/watching/listening verbs count only when they name a concrete document
 *       (release notes, docs, advisory, paper, guide…), never "read more" or the episode itself;</li>
 *   <li>addressed advice: "you can/should/must/need to …", "users should …", "we recommend …";</li>
 *   <li>an availability or deadline statement with something to act on: "2.4 is now available",
 *       "available for download", "registration closes March 3", "pre-orders open".</li>
 * </ul>
 * The link: a URL written in the sentence; else a body link whose anchor text appears in the sentence
 * ("release notes" → its href); else a URL in a neighbouring sentence. Thread-safe.
 */
final class ActionFinder {

    private static final Set<String> IMPERATIVES = Set.of(
            "update", "upgrade", "download", "install", "patch", "apply", "register", "sign", "try", "join",
            "check", "visit", "learn", "get", "grab", "head", "follow", "review", "rotate", "enable", "disable",
            "migrate", "switch", "submit", "rsvp", "attend", "book", "pre-order", "preorder", "order", "buy",
            "donate", "give", "test", "run", "use", "reinstall", "restart", "reset", "revoke", "remove",
            "uninstall", "audit", "scan", "verify", "contact", "email", "vote", "explore", "start", "build",
            "deploy", "configure", "avoid", "watch", "read", "listen", "see");
    /** Verbs that only point at more content: an action only when they name a concrete document. */
    private static final Set<String> POINTERS = Set.of("watch", "read", "listen", "see", "check", "learn", "head",
            "visit", "follow", "explore");
    /** Second words that show the first one is a noun or a subject, not an imperative verb. */
    private static final Set<String> NOUN_USE = Set.of("of", "is", "are", "was", "were", "has", "have", "had",
            "will", "would", "can", "could", "may", "and", "results", "result", "data", "times", "time");
    /** The first word as written (no plural fold: "Updates to the API…" is not an imperative). */
    private static final Pattern FIRST_WORDS = Pattern.compile("^[\\p{Punct}\\s]*(\\p{L}[\\p{L}-]*)(?:\\s+(\\p{L}[\\p{L}-]*))?");
    private static final Pattern DOCUMENT = Pattern.compile(
            "(?i)\\b(?:release notes?|changelog|change log|docs|documentation|guide|advisory|advisories|bulletin"
                    + "|paper|report|whitepaper|white paper|announcement|blog post|faq|tutorial|migration|upgrade notes"
                    + "|security update|patch|instructions|spec(?:ification)?|readme|demo|repository|repo|github|livestream"
                    + "|keynote|webinar|talk|course|course page|docs page|api reference)\\b");
    /**
     * Advice addressed to the reader or to a named group. "you" must stand next to its modal ("if you
     * are diving it should…" is no advice); a group may carry a short qualifier ("Companies with
     * similar deals should…").
     */
    private static final Pattern ADVICE = Pattern.compile(
            "(?i)\\byou (?:can now|should|must|need to|will need to|have to)\\b"
                    + "|\\b(?:users|customers|admins|administrators|developers|operators|everyone|organi[sz]ations"
                    + "|companies|businesses|providers|vendors|teams|readers|owners|consumers|maintainers|applicants"
                    + "|parties|residents|members|anyone)(?:\\s+(?!it\\b|they\\b|he\\b|she\\b|this\\b|that\\b)[\\p{L}\\p{N}'’-]+){0,4}?"
                    + " (?:can now|should|must|need to|will need to|have to|are (?:urged|advised|encouraged|asked|invited) to"
                    + "|(?:can|may) (?:now )?(?:submit|apply|register|sign up|download|comment|join|vote|request|upgrade"
                    + "|update|install|try|pre-?order|order|opt out|opt in|claim|enter|book))\\b"
                    + "|\\byou (?:can|may) (?:now )?(?:submit|apply|register|sign up|download|comment|join|vote|request"
                    + "|upgrade|update|install|try|pre-?order|order|opt out|opt in|claim|enter|book)\\b"
                    + "|\\b(?:we|i) (?:strongly )?(?:recommend|urge|advise|encourage)\\b|\\bit is (?:strongly )?recommended\\b"
                    + "|\\bis recommended\\b");
    private static final Pattern AVAILABILITY = Pattern.compile(
            "(?i)\\b(?:(?:is|are) (?:now )?available (?:for download|to download|to install|in|on|at|from|via|for|today|now)"
                    + "|now available|available now|available today|can be downloaded|can be installed|ships? (?:today|now)"
                    + "|pre-?orders? (?:open|are open|start)|(?:registration|applications?|submissions?|voting|early[- ]bird"
                    + "(?: pricing)?|nominations?|the (?:call|cfp))(?: (?:is|are))? (?:open|opens|closes?|close on|end|ends|due)"
                    + "|deadline (?:is|for|to)|tickets (?:are )?(?:on sale|available)|sign[- ]ups? (?:open|are open)"
                    + "|waitlist|beta (?:is open|opens))\\b");
    /** "Read more", "listen to the episode": the article itself, not an action. */
    private static final Pattern SELF_POINTER = Pattern.compile(
            "(?i)\\b(?:read (?:more|on|the (?:full|whole|rest|complete))|click here|full (?:story|article|episode)"
                    + "|this (?:episode|story|article|post|week's episode)|the episode|our (?:newsletter|podcast|feed))\\b");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'“”‘’()\\[\\]{}]+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LINK = 150;
    private static final int LINK_DISTANCE = 2;
    private static final int MIN_ANCHOR = 3;

    /** A chosen action sentence and its link (null when the text gives none). */
    record Action(RankedSentence sentence, String link) {
    }

    /** The best action among {@code candidates} (each already free for use), or null. */
    Action find(List<RankedSentence> candidates, List<RankedSentence> all, List<ArticleLink> links) {
        RankedSentence best = null;
        double bestScore = 0;
        for (RankedSentence s : candidates) {
            double strength = strength(s);
            if (strength <= 0) {
                continue;
            }
            double score = s.score() + strength + (firstUrl(s.text()) != null ? 0.5 : 0);
            if (best == null || score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        if (best == null) {
            return null;
        }
        return new Action(best, linkFor(best, all, links));
    }

    /** How clearly the sentence asks the reader to act: 0 = not an action. */
    double strength(RankedSentence s) {
        String text = s.text();
        if (s.furniture() || SentenceKinds.isQuestion(text) || s.tokens().size() < 3
                || SELF_POINTER.matcher(text).find() || SentenceKinds.startsLowerCase(text)
                || !SentenceKinds.endsComplete(text) && !endsWithUrl(text)) {
            return 0; // a heading or list label ("Things You Should Never Do") is not advice
        }
        String verb = leadingVerb(text);
        if (verb != null) {
            boolean pointer = POINTERS.contains(verb);
            if (!pointer || DOCUMENT.matcher(text).find()) {
                return 2;
            }
        }
        if (ADVICE.matcher(text).find() && !SentenceKinds.continuesPrevious(text)) {
            return 1.5;
        }
        if (AVAILABILITY.matcher(text).find()) {
            return 1.2;
        }
        return 0;
    }

    /** The imperative verb a sentence opens with ("Please" skipped), or null. */
    private static String leadingVerb(String text) {
        Matcher m = FIRST_WORDS.matcher(text);
        if (!m.lookingAt()) {
            return null;
        }
        String first = m.group(1);
        if (first.equalsIgnoreCase("please")) {
            first = m.group(2);
        } else if (!Character.isUpperCase(first.charAt(0))
                || m.group(2) != null && NOUN_USE.contains(m.group(2).toLowerCase(Locale.ROOT))) {
            // lower case: a fragment; "Use of force…", "Test results are…": the word is a noun there
            return null;
        }
        if (first == null) {
            return null;
        }
        String verb = first.toLowerCase(Locale.ROOT);
        return IMPERATIVES.contains(verb) ? verb : null;
    }

    private String linkFor(RankedSentence sentence, List<RankedSentence> all, List<ArticleLink> links) {
        String own = firstUrl(sentence.text());
        if (own != null && own.length() <= MAX_LINK) {
            return own;
        }
        String anchored = anchoredLink(sentence.text(), links);
        if (anchored != null) {
            return anchored;
        }
        String near = nearbyUrl(all, sentence.position());
        return near != null && near.length() <= MAX_LINK ? near : null;
    }

    /** The body link whose anchor text the sentence contains; the longest anchor wins. */
    private static String anchoredLink(String sentence, List<ArticleLink> links) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        String best = null;
        int bestLength = 0;
        for (ArticleLink link : links) {
            String anchor = link.text() == null ? "" : link.text().strip().toLowerCase(Locale.ROOT);
            if (anchor.length() < MIN_ANCHOR || anchor.length() <= bestLength || link.href() == null
                    || link.href().length() > MAX_LINK || isGenericAnchor(anchor)) {
                continue;
            }
            int at = lower.indexOf(anchor);
            if (at >= 0 && isWordBoundary(lower, at - 1) && isWordBoundary(lower, at + anchor.length())) {
                best = link.href();
                bestLength = anchor.length();
            }
        }
        return best;
    }

    /** "here", "link", "this": anchor words that match any sentence and say nothing. */
    private static boolean isGenericAnchor(String anchor) {
        return anchor.equals("here") || anchor.equals("this") || anchor.equals("link") || anchor.equals("more")
                || anchor.equals("read more") || anchor.equals("click here") || anchor.equals("the");
    }

    private static boolean isWordBoundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    /** A URL from the nearest sentence within {@value #LINK_DISTANCE} of {@code position}, later first on ties. */
    private static String nearbyUrl(List<RankedSentence> ranked, int position) {
        String found = null;
        int bestDistance = Integer.MAX_VALUE;
        for (RankedSentence s : ranked) {
            int d = Math.abs(s.position() - position);
            int distance = 2 * d - (s.position() > position ? 1 : 0);
            if (d == 0 || d > LINK_DISTANCE || distance >= bestDistance) {
                continue;
            }
            String url = firstUrl(s.text());
            if (url != null) {
                found = url;
                bestDistance = distance;
            }
        }
        return found;
    }

    private static boolean endsWithUrl(String text) {
        String url = firstUrl(text);
        return url != null && text.stripTrailing().endsWith(url);
    }

    static String firstUrl(String text) {
        Matcher m = URL.matcher(text);
        if (!m.find()) {
            return null;
        }
        String url = m.group();
        int end = url.length();
        while (end > 0 && ".,;:!?…".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
