package io.connectionportal.shared;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value written out as the key of markup kept under it ({@code {#cached}}): a record as all its components, in
 * order and recursively, so the key changes whenever anything the markup shows changes, as the record's own text
 * would. Not the record's {@code toString}: on Java 17 it goes through {@code String.format}, which a profile of the
 * dashboard showed as a tenth of each view's allocations. A {@link Keyed} value stands for itself by its key; strings
 * are written with their length, so no text can pass for a boundary between two components.
 */
public final class KeyText {

    /** A value that stays the same for the life of the process and whose key stands for all of it. */
    public interface Keyed {
        String key();
    }

    private static final ClassValue<List<MethodHandle>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<MethodHandle> computeValue(Class<?> type) {
            List<MethodHandle> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                try {
                    accessors.add(MethodHandles.lookup().unreflect(accessor));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + type.getName() + "." + component.getName(), e);
                }
            }
            return List.copyOf(accessors);
        }
    };

    private KeyText() {}

    public static String of(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value instanceof Keyed keyed) {
            out.append(keyed.key());
        } else if (value instanceof String text) {
            out.append(text.length()).append(':').append(text);
        } else if (value instanceof Record record) {
            out.append('(');
            for (MethodHandle accessor : COMPONENTS.get(record.getClass())) {
                write(out, read(accessor, record));
                out.append(',');
            }
            out.append(')');
        } else if (value instanceof Optional<?> optional) {
            out.append('<');
            optional.ifPresent(present -> write(out, present));
            out.append('>');
        } else if (value instanceof Collection<?> values) {
            out.append('[');
            values.forEach(each -> {
                write(out, each);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof Map<?, ?> entries) {
            out.append('{');
            entries.forEach((key, each) -> {
                write(out, key);
                out.append('=');
                write(out, each);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof Integer number) {
            // Appended as a number: the boxed value's own text would be a String made for nothing.
            out.append(number.intValue());
        } else if (value instanceof Long number) {
            out.append(number.longValue());
        } else if (value instanceof Instant instant) {
            // Instant.toString formats through a DateTimeFormatter; the two numbers say the same.
            out.append(instant.getEpochSecond()).append('.').append(instant.getNano());
        } else {
            out.append(value);
        }
    }

    private static Object read(MethodHandle accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
