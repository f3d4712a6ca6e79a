package io.github.tldrbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one white-space rule: what separates words, and text with each run of it as one space. */
class WhitespaceTest {

    @Test
    void noBreakSpacesSeparateWordsLikeAPlainSpace() {
        assertThat(Whitespace.isSpace('\u00A0')).isTrue();
        assertThat(Whitespace.isSpace('\u202F')).isTrue();
        assertThat(Whitespace.isSpace('\u3000')).isTrue();
        assertThat(Whitespace.isSpace('\u001F')).isTrue();
        assertThat(Whitespace.isSpace('a')).isFalse();
        assertThat(Whitespace.isSpace('\u200B')).isFalse(); // zero width: HTML's rule drops it, not this one
    }

    @Test
    void collapseTrimsAndLeavesOneSpacePerRun() {
        assertThat(Whitespace.collapse("  a \t\n b\u00A0\u202Fc  ")).isEqualTo("a b c");
        assertThat(Whitespace.collapse("already plain")).isEqualTo("already plain");
        assertThat(Whitespace.collapse(" \n ")).isEmpty();
        assertThat(Whitespace.collapse("xx  a  b  yy", 2, 10)).isEqualTo("a b");
    }

    @Test
    void collapsedLengthDropsLeadingSpaceAndCountsEveryOtherRunOnce() {
        assertThat(Whitespace.collapsedLength("  a  b ")).isEqualTo(4); // "a b " : the next text node follows
        assertThat(Whitespace.collapsedLength("a\u00A0\u00A0b")).isEqualTo(3);
        assertThat(Whitespace.collapsedLength("")).isZero();
    }
}
