package io.connectionportal.shared;

/** Text from outside (a provider's error, a client's address) made safe to put in one log line. */
public final class LogText {

    private static final int MAX = 300;

    private LogText() {}

    /** Control characters (CR, LF…) would let a crafted value start a forged log line; long values are cut. */
    public static String clean(Object value) {
        if (value == null) {
            return "-";
        }
        String clean = value.toString().replaceAll("\\p{Cntrl}", "_");
        return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
    }
}
