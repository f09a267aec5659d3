package org.marginscope.data;

import java.util.Locale;

/** A generator's coordinate range: its natural (large) domain, or that domain shrunk into [0,1]. */
public enum Scale {
    LARGE,
    SMALL;

    public static Scale parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "large":
                return LARGE;
            case "small":
                return SMALL;
            default:
                throw new IllegalArgumentException("unknown range '" + s + "'; use small or large");
        }
    }
}
