package io.connectionportal.platforms;

/** How far a company has got with one platform, for the picker's badges (S7). */
public record PlatformStatus(int linked, int pending) {

    public static final PlatformStatus NONE = new PlatformStatus(0, 0);

    public boolean connected() {
        return linked > 0;
    }

    public boolean isPending() {
        return linked == 0 && pending > 0;
    }
}
