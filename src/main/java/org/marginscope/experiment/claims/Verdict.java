package org.marginscope.experiment.claims;

/** What the measurements over seeds say of a claim (the ids are the command line's). */
public enum Verdict {
    HOLDS("holds", "holds"),
    HOLDS_FOR_SOME_SEEDS("holds_for_some_seeds", "holds for some seeds"),
    TRENDING("trending", "trending, not reached at the horizon"),
    DOES_NOT_HOLD("does_not_hold", "does not hold"),
    NOT_MEANINGFUL("not_meaningful", "not meaningful here");

    private final String id;
    private final String words;

    Verdict(String id, String words) {
        this.id = id;
        this.words = words;
    }

    public String id() {
        return id;
    }

    public String words() {
        return words;
    }

    public static Verdict byId(String id) {
        for (Verdict v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no verdict '" + id + "'");
    }
}
