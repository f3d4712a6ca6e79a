package io.github.tldrbot.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-control HTTP server on 127.0.0.1 for the hostile cases (bombs, endless and dripping bodies,
 * counted concurrency). It records how many body bytes it managed to write and whether the client
 * hung up on it, which is how the tests prove the fetcher stopped reading and dropped the connection.
 */
final class HostileServer implements AutoCloseable {

    /** Writes a response; may throw when the client goes away. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange, Counting out) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger finishedResponses = new AtomicInteger();
    final AtomicBoolean clientHungUp = new AtomicBoolean();

    HostileServer(String address, Responder responder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                responder.respond(exchange, new Counting(exchange.getResponseBody()));
            } catch (IOException e) {
                clientHungUp.set(true);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            } finally {
                finishedResponses.incrementAndGet();
            }
        });
        server.start();
    }

    HostileServer(Responder responder) throws IOException {
        this("127.0.0.1", responder);
    }

    URI url(String path) {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The response body, counting what actually went out. */
    final class Counting {
        private final OutputStream out;

        Counting(OutputStream out) {
            this.out = out;
        }

        void write(byte[] bytes, int off, int len) throws IOException {
            out.write(bytes, off, len);
            bytesWritten.addAndGet(len);
        }

        void write(byte[] bytes) throws IOException {
            write(bytes, 0, bytes.length);
        }

        void flush() throws IOException {
            out.flush();
        }
    }
}
