package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextShortenerTest {

    private final TextShortener shortener = new TextShortener();

    @Test
    void shortTextIsReturnedTrimmed() {
        assertThat(shortener.shorten("  fits  ", 10)).isEqualTo("fits");
        assertThat(shortener.shorten(null, 10)).isNull();
    }

    @Test
    void cutsAtTheLastWordBoundaryAndDropsDanglingPunctuation() {
        assertThat(shortener.shorten("The quick brown fox jumps", 12)).isEqualTo("The quick…");
        assertThat(shortener.shorten("Hello, world again", 8)).isEqualTo("Hello…");
        assertThat(shortener.shorten("The quick brown fox", 16)).isEqualTo("The quick brown…");
    }

    @Test
    void oneLongWordIsCutAtACharacterBoundary() {
        assertThat(shortener.shorten("a".repeat(50), 10)).isEqualTo("a".repeat(9) + "…");
        assertThat(shortener.shorten("😀".repeat(10), 6)).isEqualTo("😀😀…");
    }

    @Test
    void cjkTextIsCutBetweenCharacters() {
        assertThat(shortener.shorten("我们发布了新版本它更快", 5)).isEqualTo("我们发布…");
    }

    @Test
    void neverSplitsSurrogatePairsJoinersModifiersOrFlagsAtAnyCutPoint() {
        String unspaced = "👨‍👩‍👧‍👦👍🏽🇫🇷🇩🇪é́x😀"; // ZWJ family, skin tone, two flags, combining accents
        String spaced = "Launch 🚀 day: 👍🏽 the team 👨‍👩‍👧 shipped 🇫🇷 v2 with emoji 😀😀 support and more text";
        for (String text : new String[] {unspaced, spaced, unspaced.repeat(4)}) {
            for (int max = 2; max <= text.length() + 1; max++) {
                String out = shortener.shorten(text, max);
                assertThat(out.length()).as("length at max=%d", max).isLessThanOrEqualTo(max);
                assertNoLoneSurrogate(out);
                if (out.endsWith("…") && !text.endsWith("…")) {
                    String head = out.substring(0, out.length() - 1);
                    assertThat(text).startsWith(head);
                    if (!head.isEmpty()) {
                        assertCleanCut(text, head.length(), max);
                    }
                }
            }
        }
    }

    @Test
    void spacedTextIsAlwaysCutAtAWordBoundary() {
        String text = "Version 2.3.1 fixes CVE-2026-1234, a remote-code-execution bug in the admin API; update now.";
        for (int max = 9; max < text.length(); max++) {
            String out = shortener.shorten(text, max);
            assertThat(out).endsWith("…");
            String head = out.substring(0, out.length() - 1);
            assertThat(text).startsWith(head);
            assertThat(Character.isLetterOrDigit(text.charAt(head.length())))
                    .as("cut inside a word at max=%d: %s", max, out).isFalse();
        }
    }

    @Test
    void rejectsAUselessCap() {
        assertThatThrownBy(() -> shortener.shorten("text", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertNoLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("lone high in %s", s).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate in %s", s).isFalse();
            }
        }
    }

    private static void assertCleanCut(String text, int at, int max) {
        int next = text.codePointAt(at);
        int type = Character.getType(next);
        assertThat(type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || next == 0x200D
                || (next >= 0xFE00 && next <= 0xFE0F) || (next >= 0x1F3FB && next <= 0x1F3FF))
                .as("cut before an attached code point at max=%d", max).isFalse();
        assertThat(text.charAt(at - 1)).as("cut after a joiner at max=%d", max).isNotEqualTo('\u200D');
        boolean flags = next >= 0x1F1E6 && next <= 0x1F1FF && text.codePointBefore(at) >= 0x1F1E6
                && text.codePointBefore(at) <= 0x1F1FF;
        assertThat(flags).as("cut between regional indicators at max=%d", max).isFalse();
    }

    @Test
    void aLongThaiWordIsNeverCutInsideAGraphemeCluster() {
        String thai = "ก่ำ".repeat(40); // consonant + tone mark + sara am: one cluster each, no spaces
        java.util.regex.Pattern cluster = java.util.regex.Pattern.compile("\\X");
        java.util.Set<Integer> boundaries = new java.util.HashSet<>();
        java.util.regex.Matcher m = cluster.matcher(thai);
        while (m.find()) {
            boundaries.add(m.end());
        }
        for (int max = 2; max < 40; max++) {
            String cut = shortener.shorten(thai, max);
            String head = cut.substring(0, cut.length() - 1);
            assertThat(head.isEmpty() || boundaries.contains(head.length())).as("max=%d cut=%s", max, cut).isTrue();
        }
    }
}
