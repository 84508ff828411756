package com.westbethel.motel.bootstrap.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on a loopback port in front of a real server (PostgreSQL, Redis), for chaos tests: the
 * application under test talks to the proxy, and the test makes the "server" restart or slow down
 * without touching the real server, which other builds on this machine share.
 *
 * <ul>
 *   <li>{@link #cut()} closes every connection and stops listening, so new connections are refused
 *       (what clients see while a server restarts); {@link #resume()} listens again on the same port.</li>
 *   <li>{@link #delayAnswers(Duration)} holds every chunk the server sends for that long before passing
 *       it on: each round trip takes that much longer (latency, not a bandwidth limit: chunks in flight
 *       are delayed together, not one after another).</li>
 * </ul>
 *
 * <p>Each connection uses four daemon threads (a reader and a writer per direction); {@link #close()}
 * ends them all.
 */
final class ChaosProxy implements AutoCloseable {

    /** Below Linux's ephemeral range (32768-60999), so no outgoing connection takes the port while it is closed. */
    private static final int LOWEST_PORT = 20_000;
    private static final int HIGHEST_PORT = 32_000;

    private static final byte[] END = new byte[0];

    private final String name;
    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("timer"));
    private final AtomicReference<Instant> resumedAt = new AtomicReference<>();
    private volatile Duration answerDelay = Duration.ZERO;
    private ServerSocket listener;

    private ChaosProxy(String name, InetSocketAddress upstream) {
        this.name = name;
        this.upstream = upstream;
        this.listener = bindSomewhere();
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** A proxy to {@code host:port}, listening at once on a free loopback port. */
    static ChaosProxy to(String name, String host, int port) {
        return new ChaosProxy(name, new InetSocketAddress(host, port));
    }

    int port() {
        return port;
    }

    /** The server "goes down": every open connection is closed and new ones are refused. */
    synchronized void cut() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        links.forEach(Link::close);
        resumedAt.set(null);
    }

    /** The server is back: the proxy listens again on the same port. */
    synchronized Instant resume() {
        if (listener == null) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                listener = socket;
                startAccepting(socket);
            } catch (IOException e) {
                throw new IllegalStateException(name + " proxy cannot listen on port " + port + " again", e);
            }
        }
        Instant now = Instant.now();
        resumedAt.set(now);
        return now;
    }

    /** {@link #cut()} now and {@link #resume()} by itself after {@code outage}; see {@link #resumedAt()}. */
    void cutFor(Duration outage) {
        cut();
        timer.schedule(this::resume, outage.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** When the proxy last started accepting again after a cut; null while it is cut. */
    Instant resumedAt() {
        return resumedAt.get();
    }

    /** Every chunk the server sends reaches the client this much later ({@link Duration#ZERO} for none). */
    void delayAnswers(Duration delay) {
        answerDelay = delay;
    }

    /** Back to a plain pipe: listening, no delay. */
    void heal() {
        delayAnswers(Duration.ZERO);
        resume();
    }

    @Override
    public synchronized void close() {
        cut();
        timer.shutdownNow();
    }

    private void startAccepting(ServerSocket socket) {
        daemon("accept").newThread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connect(client);
                } catch (IOException closedOrFailed) {
                    // The listener was closed (a cut) or one accept failed; the loop condition decides.
                }
            }
        }).start();
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(upstream, 2_000);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        Link link = new Link(client, server);
        links.add(link);
        link.start();
    }

    private ServerSocket bindSomewhere() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT);
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate), 200);
                return socket;
            } catch (IOException taken) {
                // Try another port.
            }
        }
        throw new IllegalStateException("no free loopback port for the " + name + " proxy");
    }

    private ThreadFactory daemon(String role) {
        return runnable -> {
            Thread thread = new Thread(runnable, "chaos-" + name + "-" + role);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort: the socket may already be gone.
        }
    }

    /** One client connection and its connection to the server. */
    private final class Link {

        private final Socket client;
        private final Socket server;
        private final Pump toServer;
        private final Pump toClient;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
            this.toServer = new Pump(client, server, false);
            this.toClient = new Pump(server, client, true);
        }

        void start() {
            toServer.start();
            toClient.start();
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
            toServer.stop();
            toClient.stop();
            links.remove(this);
        }

        /** Copies one direction: a reader stamps each chunk with when it may leave, a writer sends it then. */
        private final class Pump {

            private final Socket from;
            private final Socket to;
            private final boolean delayed;
            private final BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
            private Thread reader;
            private Thread writer;

            Pump(Socket from, Socket to, boolean delayed) {
                this.from = from;
                this.to = to;
                this.delayed = delayed;
            }

            void start() {
                reader = daemon("read").newThread(this::read);
                writer = daemon("write").newThread(this::write);
                reader.start();
                writer.start();
            }

            void stop() {
                if (writer != null) {
                    writer.interrupt();
                }
            }

            private void read() {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        long due = System.nanoTime() + (delayed ? answerDelay.toNanos() : 0);
                        chunks.add(new Chunk(Arrays.copyOf(buffer, read), due));
                    }
                } catch (IOException closed) {
                    // The other side or a cut closed the socket.
                }
                chunks.add(new Chunk(END, System.nanoTime()));
            }

            private void write() {
                try (OutputStream out = to.getOutputStream()) {
                    while (true) {
                        Chunk chunk = chunks.take();
                        if (chunk.bytes() == END) {
                            break;
                        }
                        long wait = chunk.due() - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait); // the injected latency itself
                        }
                        out.write(chunk.bytes());
                        out.flush();
                    }
                } catch (IOException | InterruptedException closed) {
                    // A cut, or the peer went away.
                } finally {
                    Link.this.close();
                }
            }
        }
    }

    private record Chunk(byte[] bytes, long due) {
    }
}
