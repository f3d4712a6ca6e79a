package io.github.tldrbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.DefaultAudiences;
import io.github.tldrbot.delivery.OutgoingMessage;
import io.github.tldrbot.feed.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.EmbedType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

class EmbedLimitsTest {

    private final EmbedLimits limits = new EmbedLimits();

    @Test
    void anEmbedWithinTheLimitsHasNoBreach() {
        MessageEmbed embed = new EmbedBuilder().setTitle("t".repeat(256)).setDescription("d".repeat(4096))
                .addField("n", "v".repeat(1024), false).setFooter("f").setAuthor("a".repeat(256)).build();
        assertThat(limits.breaches(embed)).isEmpty();
    }

    @Test
    void everyBrokenLimitIsNamed() {
        List<MessageEmbed.Field> fields = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            fields.add(new MessageEmbed.Field("field " + i, i == 0 ? "v".repeat(1025) : "v", false, false));
        }
        MessageEmbed embed = new MessageEmbed(null, "t".repeat(257), "d".repeat(4097), EmbedType.RICH, null, 0, null, null,
                new MessageEmbed.AuthorInfo("a".repeat(257), null, null, null), null,
                new MessageEmbed.Footer("f".repeat(2049), null, null), null, fields, 0);
        assertThat(limits.breaches(embed)).containsExactly(
                "title 257 > 256", "description 4097 > 4096", "fields 26 > 25", "field value (field 0) 1025 > 1024",
                "footer 2049 > 2048", "author 257 > 256", "total 7908 > 6000");
        // 257 title + 4097 description + 198 field names ("field 0" … "field 25") + 1050 values + 2049 footer + 257 author
    }

    @Test
    void theTotalCountsEveryText() {
        MessageEmbed embed = new MessageEmbed(null, "t", "d".repeat(4000), EmbedType.RICH, null, 0, null, null, null, null,
                null, null, List.of(new MessageEmbed.Field("n", "v".repeat(1000), false, false),
                        new MessageEmbed.Field("m", "v".repeat(1000), false, false)), 0);
        assertThat(limits.breaches(embed)).containsExactly("total 6003 > 6000");
    }

    @Test
    void cardEmbedsOfAnOversizedCardStayWithinEveryLimit() {
        String huge = "word ".repeat(3000);
        Card card = new Card(huge, huge, huge, huge, List.of(new AudienceRef("developers", huge)),
                List.of(huge, huge, huge), "extractive").withHook(huge);
        Article article = new Article("id", null, huge, "https://news.example/a", Instant.EPOCH, null, null, List.of(),
                huge, huge, null);
        OutgoingMessage message = new OutgoingMessage(1L, "n", huge, "https://news.example/", article, card, List.of(), Instant.EPOCH);
        assertThat(limits.breaches(new CardEmbeds(DefaultAudiences.list()).render(message))).isEmpty();
    }
}
