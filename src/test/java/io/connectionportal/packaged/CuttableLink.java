package io.connectionportal.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP link between the portal and its database that a test can cut, as a network failure or a database restart
 * would: every open connection is closed at once and new ones are refused until {@link #restore()}. It can also cut
 * right after the portal sends a given SQL statement (the PostgreSQL protocol carries statement text as it is), so a
 * test loses the database in the middle of a transaction rather than between two.
 */
final class CuttableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> cutAfterStatement = new AtomicReference<>();
    private volatile boolean cut;
    private volatile boolean statementSeen;

    CuttableLink(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cuttable-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Loses the database now. */
    void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Loses the database just after the portal sends a statement containing {@code fragment} (case ignored). */
    void cutAfter(String fragment) {
        statementSeen = false;
        cutAfterStatement.set(fragment.toLowerCase(Locale.ROOT));
    }

    /** Whether the statement named to {@link #cutAfter} was sent before the cut. */
    boolean statementSeen() {
        return statementSeen;
    }

    /** The database is back: new connections go through again. */
    void restore() {
        cutAfterStatement.set(null);
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                pipe(client, server, true);
                pipe(server, client, false);
            } catch (IOException e) {
                // Closed, or the database refused: the portal sees a failed connection, as it would.
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromPortal) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, read);
                            out.flush();
                            if (fromPortal && carriesArmedStatement(buffer, read)) {
                                statementSeen = true;
                                cut();
                            }
                        }
                    } catch (IOException e) {
                        // One side closed or was cut.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "cuttable-link-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean carriesArmedStatement(byte[] buffer, int length) {
        String fragment = cutAfterStatement.get();
        if (fragment == null) {
            return false;
        }
        String sent = new String(buffer, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return sent.contains(fragment) && cutAfterStatement.compareAndSet(fragment, null);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
