package io.github.tldrbot.discord.commands;

import io.github.tldrbot.opml.OpmlEntry;
import io.github.tldrbot.opml.OpmlException;
import io.github.tldrbot.opml.OpmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;

/**
 * Reads the OPML file a moderator attached to {@code /feed import}: refuses one over
 * {@link OpmlReader#MAX_BYTES} before downloading it, downloads it from Discord's CDN through
 * JDA (bounded in time and bytes), and parses it. Every failure is a {@link UserError}.
 */
final class OpmlAttachment {
    private static final long DOWNLOAD_SECONDS = 30;
    private final OpmlReader reader = new OpmlReader();

    List<OpmlEntry> read(Message.Attachment file) throws UserError {
        if (file.getSize() > OpmlReader.MAX_BYTES) {
            throw new UserError(file.getFileName() + " is " + file.getSize() / 1024 + " KB, over the "
                    + OpmlReader.MAX_BYTES / 1024 / 1024 + " MB an import accepts; split it into smaller files.");
        }
        try {
            return reader.read(download(file));
        } catch (OpmlException e) {
            throw new UserError(file.getFileName() + " is " + e.getMessage()
                    + ". Export your subscriptions as OPML from your feed reader and attach that file.");
        }
    }

    private static byte[] download(Message.Attachment file) throws UserError {
        try (InputStream in = file.getProxy().download().get(DOWNLOAD_SECONDS, TimeUnit.SECONDS)) {
            byte[] bytes = in.readNBytes(OpmlReader.MAX_BYTES + 1);
            if (bytes.length > OpmlReader.MAX_BYTES) {
                throw new UserError(file.getFileName() + " is over the " + OpmlReader.MAX_BYTES / 1024 / 1024
                        + " MB an import accepts; split it into smaller files.");
            }
            return bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("The import was interrupted; try again.");
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new UserError("Could not download " + file.getFileName() + " from Discord (" + e.getClass().getSimpleName()
                    + "); try again in a moment.");
        }
    }
}
