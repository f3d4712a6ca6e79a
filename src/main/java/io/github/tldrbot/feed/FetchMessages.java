package io.github.tldrbot.feed;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one-line, user-facing texts of fetch outcomes. Users see these in {@code /feed status} and on
 * the command line, so they name the host and the problem in words ("connection refused by
 * example.org:443") and never carry exception class names or stack traces.
 */
final class FetchMessages {

    // "java.net.ConnectException: " and the like, wherever the JDK embeds them in a message.
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_$][a-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

    private FetchMessages() {
    }

    /** "HTTP 404 Not Found from https://example.org/feed". */
    static String status(int code, URI url) {
        String reason = reason(code);
        return "HTTP " + code + (reason.isEmpty() ? "" : " " + reason) + " from " + url;
    }

    static String timeout(URI url, Duration timeout) {
        return "no complete response from " + url + " within " + seconds(timeout) + " (fetch.timeout)";
    }

    /** Maps a transport failure to UNREACHABLE or TIMEOUT with a message in words. */
    static FetchFailure network(URI url, IOException error, Duration timeout) {
        String hostPort = hostPort(url);
        if (has(error, HttpConnectTimeoutException.class)) {
            return new FetchFailure(FetchError.TIMEOUT,
                    "connecting to " + hostPort + " timed out after " + seconds(timeout) + " (fetch.timeout)");
        }
        if (has(error, HttpTimeoutException.class)) {
            return new FetchFailure(FetchError.TIMEOUT, timeout(url, timeout));
        }
        return new FetchFailure(FetchError.UNREACHABLE, unreachable(url, hostPort, error));
    }

    private static String unreachable(URI url, String hostPort, IOException error) {
        if (has(error, UnresolvedAddressException.class) || has(error, UnknownHostException.class)) {
            return "unknown host " + url.getHost() + "; check the URL";
        }
        if (has(error, SSLException.class)) {
            return "TLS handshake failed with " + hostPort + tlsReason(error);
        }
        if (has(error, NoRouteToHostException.class)) {
            return "no route to " + hostPort;
        }
        if (has(error, ConnectException.class)) {
            return "connection refused by " + hostPort;
        }
        String text = allMessages(error).toLowerCase(Locale.ROOT);
        if (text.contains("reset")) {
            return "connection reset by " + hostPort;
        }
        if (has(error, EOFException.class) || text.contains("closed") || text.contains("eof")) {
            return hostPort + " closed the connection before the response was complete";
        }
        return "network error talking to " + hostPort + ": " + clean(error);
    }

    private static String tlsReason(IOException error) {
        String text = allMessages(error).toLowerCase(Locale.ROOT);
        if (text.contains("pkix") || text.contains("certification path")) {
            return " (certificate not trusted)";
        }
        if (text.contains("expired")) {
            return " (certificate expired)";
        }
        if (text.contains("subject alternative") || text.contains("no name matching")) {
            return " (certificate is for another host name)";
        }
        if (text.contains("protocol") || text.contains("cipher")) {
            return " (no TLS version or cipher in common)";
        }
        return "";
    }

    /** A throwable's message as one line without class names; "unknown error" when it has none. */
    static String clean(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                String text = CLASS_NAME.matcher(t.getMessage()).replaceAll("").replaceAll("\\s+", " ").trim();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "unknown error";
    }

    /** "10 MB", "512 KB", "300 bytes" — the units the configuration uses. */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    static String hostPort(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost() + ":" + port;
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String allMessages(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString();
    }

    private static String reason(int code) {
        return switch (code) {
            case 300 -> "Multiple Choices";
            case 305 -> "Use Proxy";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Range Not Satisfiable";
            case 418 -> "I'm a teapot";
            case 421 -> "Misdirected Request";
            case 422 -> "Unprocessable Content";
            case 425 -> "Too Early";
            case 426 -> "Upgrade Required";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 451 -> "Unavailable For Legal Reasons";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            case 507 -> "Insufficient Storage";
            case 508 -> "Loop Detected";
            case 511 -> "Network Authentication Required";
            default -> "";
        };
    }
}
