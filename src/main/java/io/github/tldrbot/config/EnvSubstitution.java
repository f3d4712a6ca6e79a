package io.github.tldrbot.config;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in configuration strings. Applied to YAML
 * scalar values after parsing (not to the raw text), so a value from the environment can never
 * change the structure of the file. {@code $${X}} escapes to a literal {@code ${X}}.
 */
final class EnvSubstitution {
    private static final Pattern REF = Pattern.compile("\\$(\\$?)\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> env;

    EnvSubstitution(Function<String, String> env) {
        this.env = env;
    }

    static EnvSubstitution fromSystem() {
        Map<String, String> system = System.getenv();
        return new EnvSubstitution(system::get);
    }

    /** @param key the config key, named in the error when a variable without default is unset */
    String apply(String value, String key) {
        Matcher m = REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + (m.group(3) != null ? ":-" + m.group(3) : "") + "}";
            } else {
                String v = env.apply(m.group(2));
                if (v == null || v.isEmpty()) {
                    if (m.group(3) == null) {
                        throw new ConfigException(key + ": environment variable " + m.group(2)
                                + " is not set; set it or write ${" + m.group(2) + ":-default}");
                    }
                    v = m.group(3);
                }
                replacement = v;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
