package io.connectionportal.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Records everything logged while it is open, formatted with its parameters, to check what must never appear. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    public LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        // Formatted as it would be printed (Log.warnf and the like), and the raw parameters besides.
        String message = record instanceof ExtLogRecord extended ? extended.getFormattedMessage() : record.getMessage();
        Object[] params = record.getParameters();
        if (params != null) {
            for (Object param : params) {
                message += " " + param;
            }
        }
        if (record.getThrown() != null) {
            message += " " + record.getThrown();
        }
        lines.add(message);
    }

    public boolean anyContains(String secret) {
        return lines.stream().anyMatch(line -> line != null && line.contains(secret));
    }

    /** The lines that contain {@code text}, as logged. */
    public List<String> linesContaining(String text) {
        return lines.stream()
                .filter(line -> line != null && line.contains(text))
                .toList();
    }

    public int size() {
        return lines.size();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
