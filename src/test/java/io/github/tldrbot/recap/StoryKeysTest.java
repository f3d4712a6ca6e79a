package io.github.tldrbot.recap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryKeysTest {
    @Test
    void linksDifferingOnlyInSchemeWwwTrackingFragmentOrSlashAreTheSame() {
        String key = StoryKeys.link("https://example.com/a/b");
        assertThat(StoryKeys.link("http://www.Example.com/a/b/")).isEqualTo(key);
        assertThat(StoryKeys.link("https://example.com/a/b?utm_source=x&utm_campaign=y#comments")).isEqualTo(key);
        assertThat(StoryKeys.link("https://example.com:443/a/b?fbclid=1")).isEqualTo(key);
        assertThat(StoryKeys.link("https://example.com/a/b?id=2&utm_medium=rss")).isEqualTo("example.com/a/b?id=2");
        assertThat(StoryKeys.link("https://example.com/a/c")).isNotEqualTo(key);
        assertThat(StoryKeys.link("not a url at all")).isEqualTo("not a url at all");
        assertThat(StoryKeys.link(null)).isNull();
    }

    @Test
    void titlesCompareByWords() {
        assertThat(StoryKeys.title("  Élan: the NEW   release! ")).isEqualTo("elan the new release");
        assertThat(StoryKeys.title("!!!")).isNull();
        assertThat(StoryKeys.jaccard(Set.of("a", "b", "c", "d"), Set.of("a", "b", "c", "d", "e"))).isEqualTo(0.8);
        assertThat(StoryKeys.jaccard(Set.of(), Set.of())).isZero();
    }
}
