package io.github.tldrbot.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and project URL, filled in by the Maven build; used in the User-Agent and {@code --version}. */
public record BuildInfo(String version, String url) {

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/tldr-bot-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to the defaults: a missing version must not stop the bot
        }
        return new BuildInfo(p.getProperty("version", "dev"), p.getProperty("url", "https://github.com/tldr-bot/tldr-bot"));
    }

    public String userAgent() {
        return "tldr-bot/" + version + " (+" + url + ")";
    }
}
