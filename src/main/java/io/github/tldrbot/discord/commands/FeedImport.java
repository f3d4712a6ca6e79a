package io.github.tldrbot.discord.commands;

import io.github.tldrbot.feed.FeedFetcher;
import io.github.tldrbot.feed.PlatformUrls;
import io.github.tldrbot.opml.OpmlEntry;
import io.github.tldrbot.usecase.ImportOpml;
import io.github.tldrbot.usecase.ImportReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /feed import file:<OPML> [channel]}: subscribes a channel to every feed of an OPML file
 * through {@link ImportOpml} (the CLI's {@code import-opml} runs the same). The reply fits Discord's
 * limits: the counts and the first problems; the full per-entry report comes as a text file when
 * it does not fit.
 */
final class FeedImport implements FeedSubcommand {
    private static final Logger log = LoggerFactory.getLogger(FeedImport.class);
    static final String FILE = "file";
    /** Problems listed in the message itself; the attachment has them all. */
    private static final int SHOWN_PROBLEMS = 10;
    private static final int MAX_LINE = 150;

    private final ImportOpml importOpml;
    private final PlatformUrls platforms;
    private final OpmlAttachment attachments = new OpmlAttachment();

    FeedImport(ImportOpml importOpml, FeedFetcher fetcher) {
        this.importOpml = importOpml;
        this.platforms = new PlatformUrls(fetcher);
    }

    @Override
    public SubcommandData data() {
        return new SubcommandData("import", "Subscribe a channel to every feed of an OPML file (current articles are not posted)")
                .addOptions(new OptionData(OptionType.ATTACHMENT, FILE, "The OPML file exported from your feed reader", true),
                        FeedOptions.channel("Where cards are posted (default: this channel)"));
    }

    @Override
    public void run(SlashCommandInteractionEvent event, CommandReply reply) throws Exception {
        Message.Attachment file = event.getOption(FILE, OptionMapping::getAsAttachment);
        if (file == null) {
            throw new UserError("Attach the OPML file to import (option file).");
        }
        GuildChannel channel = FeedOptions.channelOrHere(event);
        PostingPermissions.require(channel);
        List<OpmlEntry> entries = attachments.read(file);
        long guildId = event.getGuild().getIdLong();
        ImportReport report = importOpml.run(new ImportOpml.Request(guildId, channel.getIdLong(), channel.getAsMention(), entries),
                platforms);
        log.info("opml imported by command: guild={} channel={} file={} entries={} subscribed={} problems={}", guildId,
                channel.getId(), file.getFileName(), entries.size(), report.count(ImportReport.Outcome.SUBSCRIBED),
                report.problems().size());
        reply.message(render(report, file.getFileName(), channel));
    }

    static net.dv8tion.jda.api.utils.messages.MessageCreateData render(ImportReport report, String fileName, GuildChannel channel) {
        BoundedText text = new BoundedText("problems (see the attached report)");
        text.heading((report.problems().isEmpty() ? "✅" : "⚠️") + " Imported **" + fileName + "** into "
                + channel.getAsMention() + ": " + report.summary() + ".");
        if (report.count(ImportReport.Outcome.SUBSCRIBED) > 0) {
            text.heading("New feeds are polled within minutes; their current articles are stored as already seen, "
                    + "so only new ones will be posted.");
        }
        List<ImportReport.Line> problems = report.problems();
        // ten short lines always fit with the headings; the attachment has every line in full
        for (ImportReport.Line problem : problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size()))) {
            String line = problem.describe();
            text.entry("• " + (line.length() > MAX_LINE ? line.substring(0, MAX_LINE - 1) + "…" : line));
        }
        if (problems.size() > SHOWN_PROBLEMS) {
            text.heading("…and " + (problems.size() - SHOWN_PROBLEMS) + " more problems in the attached report");
        }
        MessageCreateBuilder message = new MessageCreateBuilder().setContent(BoundedText.cap(text.text()));
        boolean everyLineShown = report.lines().size() <= 5 && problems.size() <= SHOWN_PROBLEMS;
        if (!everyLineShown) {
            message.addFiles(FileUpload.fromData(report.text().getBytes(StandardCharsets.UTF_8), "import-report.txt"));
        }
        return message.build();
    }
}
