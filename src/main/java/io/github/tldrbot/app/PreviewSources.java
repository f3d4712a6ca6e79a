package io.github.tldrbot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SOURCE arguments of {@code preview}, with each local directory replaced by the feed files
 * directly inside it, sorted by name: hidden files, subdirectories, and files that are plainly not
 * feeds (README, LICENSE, MANIFEST and NOTICE files; {@code .md .txt .tsv .csv .json}) are left
 * out, so a folder of feed captures with its notes can be given as is. URLs and files pass unchanged.
 */
final class PreviewSources {

    private static final Set<String> NOT_FEED_EXTENSIONS = Set.of("md", "txt", "tsv", "csv", "json");
    private static final Pattern NOT_FEED_NAME = Pattern.compile("(?i)(readme|license|licence|manifest|notice|copying)([._-].*)?");

    private PreviewSources() {
    }

    static List<String> expand(List<String> sources) {
        List<String> out = new ArrayList<>();
        for (String source : sources) {
            Path path = SourceReader.isUrl(source) ? null : Path.of(source);
            if (path == null || !Files.isDirectory(path)) {
                out.add(source);
                continue;
            }
            List<String> files = feedFiles(path);
            if (files.isEmpty()) {
                throw new CliException(ExitCodes.UNREACHABLE, "no feed files in the directory " + source);
            }
            out.addAll(files);
        }
        return out;
    }

    private static List<String> feedFiles(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).filter(PreviewSources::mayBeFeed).sorted()
                    .map(Path::toString).toList();
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREACHABLE, "cannot list the directory " + dir + ": " + e.getMessage());
        }
    }

    static boolean mayBeFeed(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || NOT_FEED_NAME.matcher(name).matches()) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 || !NOT_FEED_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
